import JSONCore

/// Typed, validating access to the fields of a JSON request object; errors name the field's path.
struct BodyFields {
    let object: JSONObject
    let prefix: String

    init(_ object: JSONObject, prefix: String = "") {
        self.object = object
        self.prefix = prefix
    }

    /// The body of a create or update call: the bare object, or the documented wrapped form `{"<wrapper>": {...}}`.
    static func resource(_ request: APIRequest, wrapper: String) throws(LocalAPIError) -> BodyFields {
        let object = try request.jsonObject()
        if object.count == 1, let inner = object[wrapper]?.objectValue { return BodyFields(inner) }
        return BodyFields(object)
    }

    func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    func has(_ key: String) -> Bool {
        guard let value = object[key] else { return false }
        return value != .null
    }

    func string(_ key: String) throws(LocalAPIError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw .invalidParameter("Field '\(path(key))' must be a string")
        }
    }

    func requiredString(_ key: String) throws(LocalAPIError) -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw .invalidParameter("Field '\(path(key))' is required")
        }
        return value
    }

    func bool(_ key: String) throws(LocalAPIError) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw .invalidParameter("Field '\(path(key))' must be a boolean")
        }
    }

    func int(_ key: String) throws(LocalAPIError) -> Int? {
        switch object[key] {
        case nil, .null?: return nil
        case .int(let value)?: return Int(value)
        case .double(let value)? where value == value.rounded() && abs(value) < 1e15: return Int(value)
        case .string(let text)?:
            if let value = Int(text) { return value }
            throw .invalidParameter("Field '\(path(key))' must be an integer")
        default: throw .invalidParameter("Field '\(path(key))' must be an integer")
        }
    }

    func stringArray(_ key: String) throws(LocalAPIError) -> [String]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            var strings: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let value) = item else {
                    throw .invalidParameter("Field '\(path(key))[\(index)]' must be a string")
                }
                strings.append(value)
            }
            return strings
        default: throw .invalidParameter("Field '\(path(key))' must be a list of strings")
        }
    }

    func nested(_ key: String) throws(LocalAPIError) -> BodyFields? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let value)?: return BodyFields(value, prefix: path(key))
        default: throw .invalidParameter("Field '\(path(key))' must be an object")
        }
    }

    func nestedArray(_ key: String) throws(LocalAPIError) -> [BodyFields]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            var result: [BodyFields] = []
            for (index, item) in items.enumerated() {
                guard case .object(let value) = item else {
                    throw .invalidParameter("Field '\(path(key))[\(index)]' must be an object")
                }
                result.append(BodyFields(value, prefix: "\(path(key))[\(index)]"))
            }
            return result
        default: throw .invalidParameter("Field '\(path(key))' must be a list of objects")
        }
    }

    /// A string that must be one of `allowed`; the error names the field, the value and the accepted values.
    func enumeration(_ key: String, allowed: [String]) throws(LocalAPIError) -> String? {
        guard let value = try string(key) else { return nil }
        guard allowed.contains(value) else {
            throw .invalidParameter(
                "Invalid value '\(value)' for field '\(path(key))'; expected one of: \(allowed.joined(separator: ", "))")
        }
        return value
    }
}
