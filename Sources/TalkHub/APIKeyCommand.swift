import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import Shared

/// `talkhub apikey create|list|revoke`: API keys for flows, as `/api/v1/keys` manages them.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey",
        abstract: "Create, list or revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key; its secret is printed once.")
        @OptionGroup var common: CommonOptions
        @Option(help: "A name for the key (who uses it).") var name: String
        @Option(help: "Comma list of scopes: tools, webhooks:read, admin.") var scopes: String = "tools"

        func run() async throws {
            let scopes = scopes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !scopes.isEmpty, scopes.allSatisfy({ ["tools", "webhooks:read", "admin"].contains($0) }) else {
                throw ValidationError("scopes must be a comma list of tools, webhooks:read, admin")
            }
            guard !name.isEmpty, name.count <= 100 else { throw ValidationError("name must be 1–100 characters") }
            try await withAPIKeys(common) { keys in
                let (key, record) = try await keys.create(name: name, scopes: scopes, createdBy: "cli")
                print("id:     \(record.id)\nscopes: \(record.scopes.joined(separator: ","))\nkey:    \(key)\n(the key is shown only now)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never their secrets).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await withAPIKeys(common) { keys in
                let records = try await keys.list()
                if records.isEmpty { print("no API keys") }
                for r in records {
                    let state = r.revokedAt.map { "revoked \(RFC3339.format($0))" } ?? "active"
                    print("\(r.id)  \(r.prefix)…  \(r.name)  [\(r.scopes.joined(separator: ","))]  \(state)")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key, at once for every gateway.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The key's id.") var id: String

        func run() async throws {
            try await withAPIKeys(common) { keys in
                guard try await keys.revoke(id: id) != nil else { throw ValidationError("no API key \(id)") }
                print("revoked \(id)")
            }
        }
    }
}

private func withAPIKeys(_ common: CommonOptions, _ body: @Sendable (APIKeyStore) async throws -> Void) async throws {
    let configuration = try common.configuration()
    var cliLogger = Logger(label: "talkhub.cli")
    cliLogger.logLevel = .error
    let logger = cliLogger
    try await MigrateCommand.migrate(configuration: configuration, logger: logger)
    try await withRedis(common) { redis in
        try await withPostgres(configuration: configuration, maximumConnections: 2, logger: logger) { postgres in
            try await body(APIKeyStore(redis: redis, postgres: postgres, logger: logger))
        }
    }
}
