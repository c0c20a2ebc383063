import Foundation

/// The emulated REST API: routes, authentication, latency, the concurrency limit, fault injection and the
/// request log around the workspace. Independent of the HTTP server library.
public final class LocalAPI: Sendable {
    let workspace: LocalWorkspace
    let identity: IdentityProvider
    private let options: ServerOptions
    private let gate: ConcurrencyGate
    private let faults: FaultInjector
    private let log: RequestLog?
    private let routes: [Route]

    init(workspace: LocalWorkspace, options: ServerOptions) throws {
        self.workspace = workspace
        self.options = options
        identity = IdentityProvider(options: options)
        gate = ConcurrencyGate(limit: options.maxConcurrentRequests)
        faults = FaultInjector(rate: options.faultRate, dropRate: options.dropRate,
                               seed: options.faultSeed ?? UInt64.random(in: 0...UInt64.max))
        log = try options.requestLogPath.map(RequestLog.init(path:))
        routes = EmulatedKinds.routes(workspace) + Self.databaseRoutes(workspace) + Self.workspaceFileRoutes(workspace)
            + Self.identityRoutes(workspace, identity) + Self.unityCatalogRoutes(workspace) + Self.statementRoutes(workspace)
            + Self.pipelineRoutes(workspace) + Self.postgresRoutes(workspace)
    }

    /// Answers one request: admitted requests count as in flight for the whole latency; refused ones get the
    /// latency too, but do not count.
    public func respond(to request: APIRequest) async -> APIResponse {
        let response: APIResponse
        let refusal = await gate.enter()
        if options.latencyMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(options.latencyMilliseconds))
        }
        if let refusal {
            response = .error(refusal)
        } else {
            response = await dispatch(request)
            await gate.leave()
        }
        await log?.record(request, status: response.status)
        return response
    }

    private func dispatch(_ request: APIRequest) async -> APIResponse {
        let segments = request.segments
        guard let (route, parameters) = routes.lazy.compactMap({ route in
            route.method == request.method ? route.pattern.match(segments).map { (route, $0) } : nil
        }).first else {
            return .error(.endpointNotFound(method: request.method, path: request.path))
        }
        if request.path.hasPrefix("/api/"), let fault = await faults.nextFault() { return .error(fault) }
        do {
            let caller = route.needsAuth ? try await identity.authenticate(request.headers["authorization"]) : nil
            var response = try await route.handler(RouteCall(request: request, parameters: parameters, caller: caller))
            if request.path.hasPrefix("/api/"), await faults.dropsAnswer(method: request.method) { response.dropsConnection = true }
            return response
        } catch {
            return .error(error)
        }
    }
}
