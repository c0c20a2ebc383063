import Foundation
import JSONCore

extension LocalAPI {
    /// `/api/2.0/workspace/…` and `/api/2.0/workspace-files/…`: what a deployment state file and lock need.
    static func workspaceFileRoutes(_ workspace: LocalWorkspace) -> [Route] {
        [
            Route("POST", "/api/2.0/workspace/mkdirs") { call throws(LocalAPIError) in
                try await workspace.makeDirectories(try BodyFields(call.request.jsonObject()).requiredString("path"))
                return .emptyObject
            },
            Route("POST", "/api/2.0/workspace/import") { call throws(LocalAPIError) in
                let upload = try ImportUpload(call.request)
                try await workspace.importFile(upload.path, content: upload.content, overwrite: upload.overwrite)
                return .emptyObject
            },
            Route("POST", "/api/2.0/workspace-files/import-file/{path...}") { call throws(LocalAPIError) in
                let overwrite = try call.request.queryBool("overwrite") ?? false
                try await workspace.importFile(
                    call.parameter("path"), content: Data(call.request.body), overwrite: overwrite)
                return .emptyObject
            },
            Route("GET", "/api/2.0/workspace/export") { call throws(LocalAPIError) in
                let path = try requiredQuery(call.request, "path")
                let content = try await workspace.fileContent(path)
                if try call.request.queryBool("direct_download") == true {
                    return APIResponse(
                        status: 200, headers: [("Content-Type", "application/octet-stream")], body: Array(content))
                }
                let fileType = (path as NSString).pathExtension
                var object: JSONObject = ["content": .string(content.base64EncodedString())]
                if !fileType.isEmpty { object["file_type"] = .string(fileType) }
                return .json(.object(object))
            },
            Route("GET", "/api/2.0/workspace/get-status") { call throws(LocalAPIError) in
                .json(try await workspace.status(try requiredQuery(call.request, "path")))
            },
            Route("GET", "/api/2.0/workspace/list") { call throws(LocalAPIError) in
                .json(try await workspace.list(try requiredQuery(call.request, "path")))
            },
            Route("POST", "/api/2.0/workspace/delete") { call throws(LocalAPIError) in
                let body = BodyFields(try call.request.jsonObject())
                try await workspace.deletePath(try body.requiredString("path"), recursive: try body.bool("recursive") ?? false)
                return .emptyObject
            },
        ]
    }

    static func requiredQuery(_ request: APIRequest, _ name: String) throws(LocalAPIError) -> String {
        guard let value = request.query[name], !value.isEmpty else {
            throw .invalidParameter("Query parameter '\(name)' is required")
        }
        return value
    }
}

/// The body of `workspace/import`: JSON (`path`, base64 `content`, `format`, `overwrite`) or multipart form
/// data with the same fields and a `content` file part.
struct ImportUpload {
    static let formats = ["AUTO", "SOURCE", "RAW", "HTML", "JUPYTER", "DBC", "R_MARKDOWN"]

    var path: String
    var content: Data
    var overwrite: Bool

    init(_ request: APIRequest) throws(LocalAPIError) {
        let contentType = request.headers["content-type"] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            let parts = try MultipartForm.parse(body: request.body, contentType: contentType)
            guard let path = parts["path"].map({ String(decoding: $0, as: UTF8.self) }), !path.isEmpty else {
                throw .invalidParameter("Field 'path' is required")
            }
            if let format = parts["format"].map({ String(decoding: $0, as: UTF8.self) }), !Self.formats.contains(format) {
                throw .invalidParameter("Invalid value '\(format)' for field 'format'; expected one of: \(Self.formats.joined(separator: ", "))")
            }
            self.path = path
            content = parts["content"] ?? Data()
            overwrite = parts["overwrite"].map { String(decoding: $0, as: UTF8.self).lowercased() == "true" } ?? false
            return
        }
        let body = BodyFields(try request.jsonObject())
        path = try body.requiredString("path")
        _ = try body.enumeration("format", allowed: Self.formats)
        let encoded = try body.string("content") ?? ""
        guard let decoded = Data(base64Encoded: encoded) else {
            throw .invalidParameter("Field 'content' must be base64-encoded")
        }
        content = decoded
        overwrite = try body.bool("overwrite") ?? false
    }
}
