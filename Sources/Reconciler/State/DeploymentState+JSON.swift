import JSONCore

/// Why a state file cannot be used.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file.
    public let description: String
}

extension DeploymentState {
    /// Parses `resources.json`. Versions above 3 are refused; 3 is read when it uses no feature beyond 2.
    public init(parsing text: String, file: String, cliVersion: String) throws(StateFileError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw StateFileError(description: "\(file): not valid JSON (\(error.description)); restore it from the workspace copy or delete it")
        }
        guard let object = value.objectValue else {
            throw StateFileError(description: "\(file): expected a JSON object")
        }
        let version = object["state_version"].flatMap(Self.integer) ?? 0
        guard version >= 1, version <= 3 else {
            throw StateFileError(description: "\(file): state_version \(version) is not supported (this tool reads 1 to 3); upgrade lakebase-reconcile")
        }
        self.init(cliVersion: cliVersion)
        lineage = object["lineage"]?.stringValue ?? ""
        serial = object["serial"].flatMap(Self.integer) ?? 0
        for (key, entry) in object["state"]?.objectValue ?? JSONObject() { setRaw(key, entry) }
    }

    static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let i): Int(i)
        case .double(let d) where d == d.rounded(): Int(d)
        default: nil
        }
    }

    /// The file's JSON: header fields, then entries in order.
    public var json: JSONValue {
        .object([
            "state_version": .int(Int64(Self.writtenVersion)), "cli_version": .string(cliVersion),
            "lineage": .string(lineage), "serial": .int(Int64(serial)), "state": .object(rawEntries),
        ])
    }

    /// The file's text (pretty-printed, with a final newline).
    public var serialized: String { json.serialized(pretty: true) + "\n" }
}
