import ArgumentParser
import Logging
import ServiceLifecycle
import Shared
import Workers

/// `talkhub worker`: migrates the schema, then consumes streams until SIGTERM/SIGINT.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Run stream workers.")

    @OptionGroup var common: CommonOptions
    @Option(help: "ingest, tools, background or all.") var role: String = "all"
    @Option(help: "Concurrent consumers per stream.") var concurrency: Int = 2
    @Option(help: "Entries read per batch (at most; a batch fills only when a backlog waits).") var batch: Int = 500

    func run() async throws {
        guard let role = WorkerRole(rawValue: role) else {
            throw ValidationError("--role must be one of: \(WorkerRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let configuration = try common.configuration()
        LoggingBootstrap.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "talkhub.worker")
        try await MigrateCommand.migrate(configuration: configuration, logger: logger)
        let services = try buildWorkerServices(
            configuration: configuration,
            options: WorkerOptions(role: role, concurrency: concurrency, batchSize: batch, servesMetrics: true),
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
