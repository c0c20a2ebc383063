import FuzzDriver
import YAMLBridge

/// libFuzzer entry point: any bytes, parsed as a YAML document, must give a tree or a located error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func yamlFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try YAMLParser.parse(text, file: "fuzz.yml")
    } catch {
        precondition(error.location.line >= 1, "a YAML error without a line: \(error)")
        _ = error.description
    }
    return 0
}

/// The executable's entry point (SwiftPM names it `fuzz_yaml_main`): libFuzzer's loop over `yamlFuzzInput`.
@_cdecl("fuzz_yaml_main")
public func yamlFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in yamlFuzzInput(data, size) }
}
