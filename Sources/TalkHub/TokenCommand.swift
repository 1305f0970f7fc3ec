import ArgumentParser
import Gateway
import Shared

/// `talkhub token [--sub NAME]`: prints a 24-hour admin token signed with `JWT_SECRET`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Print a bearer token.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The token's subject.") var sub: String = "admin"

    func run() async throws {
        let configuration = try common.configuration()
        guard !sub.isEmpty else { throw ValidationError("--sub must not be empty") }
        let tokens = await TokenService(current: configuration.jwtSecret, previous: configuration.jwtPreviousSecrets)
        print(try await tokens.issue(subject: sub, role: "admin").token)
    }
}

/// `talkhub openapi [--json]`: prints the OpenAPI document (the source of `openapi.yaml`).
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "openapi", abstract: "Print the OpenAPI document.")
    @Flag(help: "JSON instead of YAML.") var json = false

    func run() {
        print(json ? OpenAPIDocument.document.jsonText : OpenAPIDocument.document.yamlText, terminator: "")
    }
}
