import Foundation
import JSONCore

extension Resource {
    /// The API body decoded into the kind's value type; throws `DecodingError` when a field still holds an
    /// unresolved reference where the type needs a non-string value.
    public func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(config.serialized(pretty: false).utf8))
    }
}
