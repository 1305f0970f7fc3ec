import ArgumentParser
import Logging
import PostgresNIO
import Shared

/// `talkhub migrate`: applies pending schema migrations and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let configuration = try common.configuration()
        LoggingBootstrap.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "talkhub.migrate")
        let applied = try await Self.migrate(configuration: configuration, logger: logger)
        print(applied.isEmpty ? "schema is up to date" : "applied migrations: \(applied.map(String.init).joined(separator: ", "))")
    }

    /// Runs the migrator with a client of its own, under the advisory lock.
    @discardableResult
    static func migrate(configuration: TalkHubConfiguration, logger: Logger) async throws -> [Int] {
        try await withPostgres(configuration: configuration, maximumConnections: 2, logger: logger) { client in
            try await Migrator().migrate(client: client, logger: logger)
        }
    }
}
