import Foundation
import JSONCore

/// Opaque page tokens over a list in a stable order, as the platform's list calls use them.
enum Pagination {
    /// One page of `items` and the token of the next page (nil on the last page).
    static func page<Item>(
        of items: [Item], size: Int?, maximum: Int, token: String?
    ) throws(LocalAPIError) -> (items: [Item], nextToken: String?) {
        if let size, size < 0 { throw .invalidParameter("page_size must not be negative, got \(size)") }
        let pageSize = min(size.flatMap { $0 == 0 ? nil : $0 } ?? maximum, maximum)
        var start = 0
        if let token, !token.isEmpty {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
                text.hasPrefix("offset:"), let offset = Int(text.dropFirst("offset:".count)), offset >= 0
            else { throw .invalidParameter("Invalid page_token '\(token)'") }
            start = min(offset, items.count)
        }
        let end = min(start + pageSize, items.count)
        let next = end < items.count ? Data("offset:\(end)".utf8).base64EncodedString() : nil
        return (Array(items[start..<end]), next)
    }

    /// `{"<key>": [...], "next_page_token": "…"}` (the token only when there is a next page; an empty list is omitted,
    /// as proto3 JSON does).
    static func body(key: String, items: [JSONValue], nextToken: String?) -> JSONValue {
        var object = JSONObject()
        if !items.isEmpty { object[key] = .array(items) }
        if let nextToken { object["next_page_token"] = .string(nextToken) }
        return .object(object)
    }
}
