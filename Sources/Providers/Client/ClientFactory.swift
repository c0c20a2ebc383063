/// What `reconcile` lets users tune about talking to a workspace.
public struct ConnectionOptions: Sendable {
    /// Most requests in flight (`--max-parallel`, default 16).
    public var maxParallel: Int
    /// Total retry budget per call in seconds (`--retry-timeout`, default 300).
    public var retryTimeout: Double
    /// `--debug` trace, when on.
    public var trace: DebugTrace?
    /// `User-Agent` product token.
    public var userAgent: String
    /// `DATABRICKS_CLI_PATH`, for the databricks-cli auth type.
    public var cliPath: String?
    /// Time for retries and token expiry.
    public var clock: any ClientClock
    /// Told a line for each retry after the first few seconds of a call (stderr in the CLI).
    public var retryNotice: (@Sendable (String) -> Void)?

    /// Options with the documented defaults.
    public init(
        maxParallel: Int = 16, retryTimeout: Double = 300, trace: DebugTrace? = nil,
        userAgent: String = "lakebase-reconcile/0.1.0", cliPath: String? = nil, clock: any ClientClock = SystemClock(),
        retryNotice: (@Sendable (String) -> Void)? = nil
    ) {
        self.retryNotice = retryNotice
        self.maxParallel = maxParallel
        self.retryTimeout = retryTimeout
        self.trace = trace
        self.userAgent = userAgent
        self.cliPath = cliPath
        self.clock = clock
    }
}

extension WorkspaceClient {
    /// The client for resolved auth: libcurl transport, the retry policy with the options' budget, an adaptive
    /// limit of `maxParallel`, and the token source of the auth method.
    public static func connect(_ auth: ResolvedAuth, options: ConnectionOptions = ConnectionOptions()) -> WorkspaceClient {
        let transport = CurlTransport(userAgent: options.userAgent)
        let policy = RetryPolicy(budget: options.retryTimeout)
        let sender = RetryingSender(
            transport: transport, policy: policy, clock: options.clock,
            limit: AdaptiveConcurrencyLimit(maximum: options.maxParallel), trace: options.trace, notice: options.retryNotice)
        let tokenSender = RetryingSender(transport: transport, policy: policy, clock: options.clock, trace: options.trace,
                                         notice: options.retryNotice)
        let tokens: any TokenSource
        switch auth.method {
        case .pat(let token):
            tokens = StaticTokenSource(token: token)
        case .oauthM2M(let clientID, let clientSecret):
            tokens = OAuthM2MTokenSource(host: auth.host, clientID: clientID, clientSecret: clientSecret, sender: tokenSender)
        case .databricksCLI(let profile):
            tokens = DatabricksCLITokenSource(profile: profile, host: auth.host, cliPath: options.cliPath, clock: options.clock)
        }
        return WorkspaceClient(host: auth.host, tokens: tokens, sender: sender)
    }
}
