import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TruceApp
import TruceDashboard
import TruceStore
import UnixSignals

/// `truce serve`: Truce's HTTP API over one store, described by its OpenAPI document.
///
/// ```swift
/// try await TruceServer.run(try ConfigurationSources(flags: ["port": "8080"]).configuration())
/// ```
public enum TruceServer {
    /// The server's routes (``TruceRoutes``): the router of every route in the OpenAPI document, behind the
    /// middleware every request goes through (request id, metrics, request log, problem details, methods, request
    /// limits, sign-in, the access gate and the cache of reads, ``ResponseCache``, unless `response_cache_bytes` is
    /// 0), and in front of it the cache's answers to anonymous reads (``CachedReadsFront``).
    /// Writes go through `writeSide` (a new one over `store` when `nil`, whose imports then run only once its
    /// ``WriteSide/jobs`` service runs).
    public static func router(
        configuration: ServerConfiguration, store: StoreAccess, document: OpenAPIDocument, writeSide: WriteSide? = nil
    ) -> TruceRoutes {
        TruceMetrics.prepare()
        let router = Router(context: TruceRequestContext.self)
        router.add(middleware: RequestIdentity())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemResponder())
        router.add(middleware: MethodCheck(operations: document.operations))
        router.add(middleware: RequestLimits(maxBodyBytes: configuration.maxRequestBodyBytes, maxUploadBytes: configuration.maxUploadBytes))
        let authentication = Self.authentication(configuration: configuration, store: store)
        router.add(
            middleware: SignInMiddleware(
                authentication: authentication, authorization: Authorization(publicAccess: configuration.publicAccess), store: store))
        router.add(middleware: AccessGate())
        // A store that opened but cannot be watched is served without the cache, every read from the store.
        var cache: ResponseCache?
        if configuration.responseCacheBytes > 0, let watch = try? store.store.changeWatch() {
            let kept = ResponseCache(watch: watch, maxBytes: configuration.responseCacheBytes)
            router.add(middleware: CachedReads(cache: kept))
            cache = kept
        }
        ServiceRoutes(store: store, document: document).add(to: router)
        SessionRoutes(store: store, authentication: authentication, secureCookies: configuration.secureCookies).add(to: router)
        AccountRoutes(store: store, policy: authentication.policy, configuration: configuration).add(to: router)
        AgreementRoutes(store: store).add(to: router)
        IncidentRoutes(store: store, configuration: configuration).add(to: router)
        VerdictRoutes(store: store, configuration: configuration, exports: ExportStreams()).add(to: router)
        let writeSide = writeSide ?? WriteSide(configuration: configuration, store: store.store)
        AgreementWriteRoutes(writes: writeSide.writes, maxBodyBytes: configuration.maxRequestBodyBytes).add(to: router)
        IncidentWriteRoutes(writes: writeSide.writes, maxBodyBytes: configuration.maxRequestBodyBytes).add(to: router)
        ImportRoutes(writes: writeSide.writes, jobs: writeSide.jobs, upload: writeSide.upload, configuration: configuration).add(to: router)
        let evidence = EvidenceFiles(besideDatabase: store.store.path)
        ObservationRoutes(writes: writeSide.writes, evidence: evidence, maxBodyBytes: configuration.maxRequestBodyBytes).add(to: router)
        DashboardRoutes(store: store, dashboard: DashboardRoutes.shipped).add(to: router)
        DashboardForms(
            store: store, writes: writeSide.writes, authentication: authentication, dashboard: DashboardRoutes.shipped,
            secureCookies: configuration.secureCookies
        ).add(to: router)
        SubscriptionRoutes(store: store, configuration: configuration).add(to: router)
        AdminForms(store: store, authentication: authentication, dashboard: DashboardRoutes.shipped).add(to: router)
        SubmissionForm(
            store: store, writes: writeSide.writes, authentication: authentication, evidence: evidence, dashboard: DashboardRoutes.shipped
        ).add(to: router)
        ReviewRoutes(store: store, writes: writeSide.writes, maxBodyBytes: configuration.maxRequestBodyBytes, configuration: configuration).add(
            to: router)
        return TruceRoutes(router: router, cache: cache, anonymousReads: configuration.publicAccess != .off)
    }

    /// Signing in with the configuration's bcrypt cost and login throttle.
    static func authentication(configuration: ServerConfiguration, store: StoreAccess) -> Authentication {
        Authentication(
            store: store.store, policy: PasswordPolicy(bcryptCost: configuration.bcryptCost),
            throttleLimits: LoginThrottle.Limits(
                perAccount: configuration.loginFailuresPerAccount, perAddress: configuration.loginFailuresPerAddress,
                window: configuration.loginWindow))
    }

    /// Opens the configured store (creating it or bringing its schema up to date if needed).
    /// - Throws: ``TruceStore/StoreError`` naming the path when it cannot be opened.
    public static func openStore(_ configuration: ServerConfiguration) throws -> StoreAccess {
        StoreAccess(store: try SQLiteStore(path: configuration.database, busyTimeout: configuration.busyTimeout, workload: .server))
    }

    /// The application serving `router` on the configured host and port, running `services` (the import
    /// jobs of the router's ``WriteSide``) alongside and stopping them with it.
    public static func application(
        configuration: ServerConfiguration, router: TruceRoutes, logger: Logger, services: [any Service] = [],
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> Application<TruceRoutes.Responder> {
        Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "Truce"),
            services: services, onServerRunning: onServerRunning, logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then stops taking connections and finishes the requests in flight.
    /// - Throws: when the store or the document cannot be opened, or the server cannot listen.
    public static func run(_ configuration: ServerConfiguration) async throws {
        let logger = {
            var logger = Logger(label: "truce.server") { ServerLogHandler(label: $0) }
            logger.logLevel = configuration.logLevel
            return logger
        }()
        let store = try openStore(configuration)
        let document = try OpenAPIDocument(maxPageSize: configuration.maxPageSize)
        let writeSide = WriteSide(configuration: configuration, store: store.store)
        let router = router(configuration: configuration, store: store, document: document, writeSide: writeSide)
        var services: [any Service] = [writeSide.jobs]
        try store.store.deferCheckpoints()
        services.append(BackgroundCheckpoints(checkpointer: try store.store.checkpointer(), interval: .milliseconds(100), logger: logger))
        if !configuration.webhookHosts.isEmpty {
            services.append(WebhookDeliveries(store: store, interval: .milliseconds(Int64(configuration.webhookInterval * 1000)), logger: logger))
        }
        let app = application(configuration: configuration, router: router, logger: logger, services: services) { channel in
            logger.notice(
                "serving", metadata: ["address": .string(channel.localAddress?.description ?? "?"), "database": .string(configuration.database)])
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// The server's routes: the router of every route in the OpenAPI document and, in front of it, the answers the
/// cache of reads keeps for anonymous readers (``CachedReadsFront``).
public struct TruceRoutes: HTTPResponderBuilder {
    public typealias Responder = CachedReadsFront<RouterResponder<TruceRequestContext>>
    /// Every route, behind the middleware every request goes through.
    public let router: Router<TruceRequestContext>
    let cache: ResponseCache?
    let anonymousReads: Bool

    /// The router's routes, each with its method and path.
    public var routes: [Router<TruceRequestContext>.RouteDescription] { router.routes }

    public func buildResponder() -> Responder {
        CachedReadsFront(next: router.buildResponder(), cache: cache, anonymousReads: anonymousReads)
    }
}
