import FuzzSupport
import WMLintSource
import WMLintSyntax

/// libFuzzer entry point: the JSON parser on arbitrary bytes, with a small depth limit so deep inputs reach it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let text = SourceText(bytes: input, path: "fuzz.json")
    checkParse(JSONParser.parse(text), path: text.path, count: input.count)
    checkParse(JSONParser.parse(text, maxDepth: 4), path: text.path, count: input.count)
    let encoding = EncodingCheck.check(input, path: text.path, form: .document)
    checkDiagnostics(encoding.diagnostics, path: text.path, count: input.count)
    let whole = JSONParser.parse(text)
    for demand in fuzzDemands {
        checkShaped(JSONParser.parse(text, demand: demand), whole: whole, demand: demand)
    }
    return 0
}

/// The entry point SwiftPM links executables to on Linux (`main` is renamed to `<module>_main`): hand over to
/// libFuzzer's driver.
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzzJSON($0, $1) }
}
