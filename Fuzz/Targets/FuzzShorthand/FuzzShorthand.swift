import FuzzSupport
import WMLintSource
import WMLintSyntax

/// libFuzzer entry point: the shorthand parser on arbitrary bytes, and the file references it finds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShorthand(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let text = SourceText(bytes: input, path: "fuzz.sh")
    let result = ShorthandParser.parse(text)
    checkParse(result, path: text.path, count: input.count)
    if let root = result.root {
        for node in ShorthandParser.fileReferences(in: root) {
            checkRange(node.range, count: input.count, "file reference")
        }
    }
    checkParse(ShorthandParser.parse(text, maxDepth: 4), path: text.path, count: input.count)
    let whole = ShorthandParser.parse(text)
    for demand in fuzzDemands {
        checkShaped(ShorthandParser.parse(text, demand: demand), whole: whole, demand: demand)
    }
    return 0
}

/// The entry point SwiftPM links executables to on Linux (`main` is renamed to `<module>_main`): hand over to
/// libFuzzer's driver.
@_cdecl("FuzzShorthand_main")
public func fuzzShorthandMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzzShorthand($0, $1) }
}
