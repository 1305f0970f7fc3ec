import ArgumentParser
import Gateway
import Hummingbird
import Logging
import Shared

/// `talkhub gateway`: migrates the schema, then serves HTTP until SIGTERM/SIGINT.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gateway", abstract: "Run the HTTP gateway.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Port to listen on (overrides PORT).") var port: Int?

    func run() async throws {
        var configuration = try common.configuration()
        if let port { configuration.port = port }
        LoggingBootstrap.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "talkhub.gateway")
        try await MigrateCommand.migrate(configuration: configuration, logger: logger)
        let app = try await buildApplication(configuration: configuration, logger: logger)
        try await app.runService()
    }
}
