extension APIError {
    /// The error a client raises, without calling, for an update its kind's API does not have.
    static func notUpdatable(_ kind: String, id: String) -> APIError {
        APIError(status: 0, errorCode: "NOT_IMPLEMENTED", message: "\(kind) cannot be updated in place", method: "PATCH", path: id)
    }
}
