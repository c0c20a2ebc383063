import Foundation
import JSONCore

/// Reading and changing Autoscaling specs: protobuf-JSON durations, update masks with leaf semantics, and the
/// checks the platform makes before it accepts a spec (autoscaling-api.md §1.1, §1.4, §1.8).
enum PostgresSpec {
    /// Seconds of a protobuf-JSON duration (`"300s"`, `"1.5s"`); nil when it is not one.
    static func seconds(_ value: JSONValue?) -> Double? {
        guard let text = value?.stringValue, text.hasSuffix("s"), let seconds = Double(text.dropLast()), seconds >= 0 else {
            return nil
        }
        return seconds
    }

    /// A number field (`1`, `0.5`).
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let i)?: Double(i)
        case .double(let d)?: d
        default: nil
        }
    }

    /// `value` at the dotted `path` inside `object`.
    static func value(at path: [String], in object: JSONValue) -> JSONValue? {
        var current: JSONValue? = object
        for key in path { current = current?[key] }
        return current
    }

    /// `object` with `path` set to `value` (or removed when nil), creating objects on the way.
    static func setting(_ path: [String], to value: JSONValue?, in object: JSONValue) -> JSONValue {
        guard let key = path.first else { return value ?? .object([:]) }
        var fields = object.objectValue ?? JSONObject()
        if path.count == 1 {
            fields[key] = value
        } else {
            fields[key] = setting(Array(path.dropFirst()), to: value, in: fields[key] ?? .object([:]))
        }
        return .object(fields)
    }

    /// Group names the SDK documents for mutually exclusive fields, and the leaves they stand for.
    static let groupedPaths: [String: [String]] = [
        "expiration": ["expire_time", "ttl", "no_expiry"],
        "suspension": ["no_suspension", "suspend_timeout_duration"],
    ]

    /// The spec after a PATCH: for each `spec.<path>` of `mask`, the body's value there replaces the current one (an
    /// absent value clears it); `spec` or `*` replaces the whole spec; an empty mask applies every field the body
    /// carries. `refused` names paths the kind does not accept in a mask.
    static func applying(mask raw: String?, body: JSONValue, to current: JSONValue, refused: Set<String> = [])
        throws(LocalAPIError) -> JSONValue {
        let entries = (raw ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if entries.isEmpty {
            var merged = current.objectValue ?? JSONObject()
            for (key, value) in body.objectValue ?? JSONObject() { merged[key] = value }
            return .object(merged)
        }
        if entries.contains("*") || entries.contains("spec") { return body }
        var result = current
        for entry in entries {
            guard entry.hasPrefix("spec.") else {
                throw .invalidParameter("Unknown field path in update_mask: '\(entry)'")
            }
            let path = entry.dropFirst("spec.".count).split(separator: ".").map(String.init)
            if refused.contains(path.joined(separator: ".")) {
                throw .invalidParameter("Unknown field path in update_mask: '\(entry)'")
            }
            if entries.contains(where: { $0 != entry && $0.hasPrefix(entry + ".") }) {
                throw .invalidParameter("update_mask names both '\(entry)' and a field inside it")
            }
            let leaves: [[String]]
            if path.count >= 1, let group = groupedPaths[path[path.count - 1]] {
                leaves = group.map { Array(path.dropLast()) + [$0] }
            } else {
                leaves = [path]
            }
            for leaf in leaves { result = setting(leaf, to: value(at: leaf, in: body), in: result) }
        }
        return result
    }

    /// 400 `INVALID_PARAMETER_VALUE` for a missing id, worded as the platform words it.
    static func missingID(_ field: String) -> LocalAPIError {
        .invalidParameter("Field '\(field)' is required, expected non-default value (not \"\")!")
    }

    /// Checks an id against `^[a-z][a-z0-9-]{min-1,max-1}$` (ending in a letter or digit when `strictEnd`).
    static func check(id: String, field: String, minLength: Int = 1, maxLength: Int = 63) throws(LocalAPIError) {
        guard !id.isEmpty else { throw missingID(field) }
        let characters = Array(id)
        let valid = (minLength...maxLength).contains(characters.count) && characters[0].isASCII && characters[0].isLowercase
            && characters.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && characters.last != "-"
        guard valid else {
            throw .invalidParameter(
                "Field \(field) must match pattern ^[a-z]([a-z0-9-]{\(max(0, minLength - 2)),\(maxLength - 2)}[a-z0-9])?$, got '\(id)'.")
        }
    }
}
