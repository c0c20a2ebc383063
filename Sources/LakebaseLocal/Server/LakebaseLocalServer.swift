import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A running `lakebase-local`: the HTTP server (Hummingbird) in front of the emulated API, the workspace and
/// its PostgreSQL servers.
public struct LakebaseLocalServer: Sendable {
    private let options: ServerOptions

    /// A server with these options.
    public init(options: ServerOptions) {
        self.options = options
    }

    /// Starts everything, calls `onReady` with the bound `http://host:port` once requests are served, and runs
    /// until SIGINT or SIGTERM; then stops the PostgreSQL servers and returns.
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        let dataDirectory = URL(fileURLWithPath: options.dataDirectory)
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let sourceTables = try options.seedPath.map(SeedLoader.load(path:))
            ?? SeedLoader.parse(DefaultSeed.text, file: "<built-in seed>")
        let fleet = try await PostgresFleet(dataDirectory: dataDirectory, port: options.postgresPort)
        let lakehouse = Lakehouse(fleet: fleet, tables: sourceTables, dataDirectory: dataDirectory)
        let workspace = try LocalWorkspace(options: options, fleet: fleet, lakehouse: lakehouse, sourceTables: sourceTables)
        do {
            try await workspace.resume()
            let api = try LocalAPI(workspace: workspace, options: options)
            var logger = Logger(label: "lakebase-local")
            logger.logLevel = .warning
            let host = options.host
            let application = Application(
                responder: HTTPAdapter(api: api),
                configuration: .init(address: .hostname(host, port: options.port), serverName: "lakebase-local"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    onReady("http://\(host):\(port)")
                },
                logger: logger)
            try await application.runService()
        } catch {
            await workspace.shutdown()
            throw error
        }
        await workspace.shutdown()
    }
}

/// Turns Hummingbird requests into `APIRequest`s and `APIResponse`s back into Hummingbird responses.
struct HTTPAdapter: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Largest request body accepted (a workspace import of the 10 MB maximum, base64-encoded, fits).
    static let maximumBodySize = 16 * 1024 * 1024

    let api: LocalAPI

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        if let authority = request.head.authority { headers["host"] = authority }
        let body = try await request.body.collect(upTo: Self.maximumBodySize)
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: request.uri.path, query: APIRequest.parseQuery(request.uri.query),
            headers: headers, body: Array(buffer: body))
        let answer = await api.respond(to: apiRequest)
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        if answer.dropsConnection {
            // Half the announced body, then the connection goes: the request took effect, the answer is lost.
            let sent = Array(answer.body.prefix(answer.body.count / 2))
            return Response(
                status: HTTPResponse.Status(code: answer.status), headers: fields,
                body: ResponseBody(contentLength: max(answer.body.count, 1)) { writer in
                    try await writer.write(ByteBuffer(bytes: sent))
                    throw DroppedConnection()
                })
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// Ends an answer early (the `--drop-rate` fault).
    struct DroppedConnection: Error {}
}
