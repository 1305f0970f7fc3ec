import ArgumentParser
import Shared

/// `talkhub`: one binary for every role.
@main
struct TalkHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talkhub",
        abstract: "Memory and insight for chatbots: gateway, workers and tools.",
        version: TalkHubVersion.current,
        subcommands: [GatewayCommand.self, WorkerCommand.self, MigrateCommand.self, DeadLetterCommand.self, TokenCommand.self, APIKeyCommand.self, OpenAPICommand.self, AnalyzeCommand.self, EvalCommand.self, BenchAnalysisCommand.self, BenchPayloadsCommand.self, BenchAnalyticsCommand.self, SeedCommand.self, TrainCommand.self]
    )
}

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("env-file"), help: "A .env file read under the environment (the environment wins).")
    var envFile: String = ".env"

    func configuration() throws -> TalkHubConfiguration {
        try TalkHubConfiguration(environment: .process(dotEnvPath: envFile))
    }
}
