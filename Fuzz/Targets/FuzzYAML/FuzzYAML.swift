import FuzzSupport
import WMLintSource
import WMLintSyntax

/// libFuzzer entry point: the YAML loader (libyaml events to nodes) on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    let text = SourceText(bytes: input, path: "fuzz.yaml")
    checkParse(YAMLLoader.load(text), path: text.path, count: input.count)
    checkParse(YAMLLoader.load(text, maxDepth: 4, maxAliasExpansion: 50), path: text.path, count: input.count)
    let whole = YAMLLoader.load(text)
    for demand in fuzzDemands {
        checkShaped(YAMLLoader.load(text, demand: demand), whole: whole, demand: demand)
    }
    return 0
}

/// The entry point SwiftPM links executables to on Linux (`main` is renamed to `<module>_main`): hand over to
/// libFuzzer's driver.
@_cdecl("FuzzYAML_main")
public func fuzzYAMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzzYAML($0, $1) }
}
