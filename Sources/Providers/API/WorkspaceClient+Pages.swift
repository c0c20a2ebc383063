import JSONCore

extension WorkspaceClient {
    /// Every item of a paged list call: follows `next_page_token` until it is absent or empty.
    public func allPages(_ path: String, itemsKey: String, pageSize: Int? = nil) async throws(APIError) -> [JSONObject] {
        var items: [JSONObject] = []
        var token: String?
        var seenTokens: Set<String> = []
        repeat {
            var query: [(String, String)] = []
            if let pageSize { query.append(("page_size", String(pageSize))) }
            if let token { query.append(("page_token", token)) }
            let page = try await call("GET", path, query: query)
            items += (page[itemsKey]?.arrayValue ?? []).compactMap(\.objectValue)
            token = page["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            if let token, !seenTokens.insert(token).inserted {
                throw APIError(status: 200, errorCode: "PAGINATION_LOOP",
                               message: "the server repeated page token \(token)", method: "GET", path: path)
            }
        } while token != nil
        return items
    }
}
