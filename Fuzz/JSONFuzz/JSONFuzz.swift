import FuzzDriver
import JSONCore

/// libFuzzer entry point: any bytes, parsed as an API answer, must give a value or an error, never a trap; a value
/// serializes and parses back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func jsonFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let text = value.serialized(pretty: false)
    guard let again = try? JSONParser.parse(text) else { preconditionFailure("serialized JSON does not parse: \(text)") }
    precondition(again.serialized(pretty: false) == text, "serialization is not stable: \(text)")
    return 0
}

/// The executable's entry point (SwiftPM names it `fuzz_json_main`): libFuzzer's loop over `jsonFuzzInput`.
@_cdecl("fuzz_json_main")
public func jsonFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in jsonFuzzInput(data, size) }
}
