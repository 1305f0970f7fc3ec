import Foundation
import Logging
import PostgresNIO
import Shared

/// Executes tool calls (`tool.*` envelopes) and answers them: the result is stored at
/// `talkhub:result:<call id>` for `RESULT_TTL_S` and pushed onto the asking gateway's reply key.
///
/// The writing calls of a batch share one transaction (in user order, so two workers' batches
/// take row locks in the same order); each is recorded in `idempotency_keys` under its call
/// id in that transaction, so a redelivered or replayed call answers the recorded result and
/// writes nothing. Reading calls run concurrently outside it. Answers go out only after the
/// commit, and caches of the changed users are invalidated before that.
public struct ToolCallHandler: EnvelopeHandler {
    let postgres: PostgresClient
    let context: ToolContext
    let resultTTLSeconds: Int

    public init(postgres: PostgresClient, redis: RedisClient, configuration: TalkHubConfiguration, logger: Logger) {
        self.postgres = postgres
        self.context = ToolContext(
            redis: redis, cache: UserCache(redis: redis),
            timeZone: TimeZone(identifier: configuration.analyticsTimeZone) ?? .gmt, logger: logger
        )
        self.resultTTLSeconds = configuration.resultTTLSeconds
    }

    public var kinds: [String] { ToolName.allCases.map(\.envelopeKind) }

    struct Call: Sendable {
        var envelope: Envelope
        var tool: ToolName
        var call: ToolCall
        var user: String { call.arguments["user_id"]?.stringValue ?? "" }
    }

    public func handle(_ batch: [Envelope], logger: Logger) async throws {
        // The same call twice in one batch (a quick redelivery) runs once; both get its answer.
        var calls: [Call] = []
        var seen = Set<String>()
        for envelope in batch where seen.insert(envelope.id).inserted {
            guard let tool = ToolName(envelopeKind: envelope.kind) else { throw ToolExecutionError("not a tool kind: \(envelope.kind)") }
            calls.append(Call(envelope: envelope, tool: tool, call: try envelope.decodeBody(ToolCall.self)))
        }
        var outcomes: [String: ToolOutcome] = [:]
        var writes: [Call] = []
        var reads: [Call] = []
        for call in calls {
            if call.tool == .createChatSession, let cached = await CreateChatSession.cached(call.call.arguments, context: context) {
                outcomes[call.envelope.id] = cached
            } else if call.tool.writes {
                writes.append(call)
            } else {
                reads.append(call)
            }
        }
        if !writes.isEmpty {
            writes.sort { ($0.user, $0.envelope.id) < ($1.user, $1.envelope.id) }
            let written = try await postgres.withTransaction(logger: logger) { connection in
                try await executeWrites(writes, on: connection, logger: logger)
            }
            outcomes.merge(written) { $1 }
        }
        let read = try await withThrowingTaskGroup(of: (String, ToolOutcome).self) { group in
            for call in reads {
                group.addTask { (call.envelope.id, try await self.read(call)) }
            }
            var results: [String: ToolOutcome] = [:]
            for try await (id, outcome) in group { results[id] = outcome }
            return results
        }
        outcomes.merge(read) { $1 }
        for call in calls {
            logger.info("tool call answered", metadata: [
                "request.id": "\(call.envelope.trace)", "call.id": "\(call.envelope.id)", "tool.name": "\(call.tool.rawValue)",
                "http.status": "\(outcomes[call.envelope.id]?.status ?? 0)",
            ])
        }

        let changed = outcomes.values.flatMap(\.changedUsers)
        let generations = try await context.cache.invalidate(changed)
        try await cacheSessions(writes, outcomes: outcomes, generations: generations)
        try await answer(calls, outcomes: outcomes)
    }

    /// The batch's writing calls in one transaction, each exactly once per call id: the
    /// calls are recorded in `idempotency_keys` first (one statement for the batch; a call
    /// recorded before answers its recorded result and runs no more), then run (sessions and
    /// profiles one by one in order, conversations set-wise after them), then their answers
    /// are recorded (one statement).
    func executeWrites(_ writes: [Call], on connection: PostgresConnection, logger: Logger) async throws -> [String: ToolOutcome] {
        let ids = writes.map(\.envelope.id)
        let fresh = try await connection.query(
            """
            INSERT INTO idempotency_keys (call_id, subject, tool, status, body)
            SELECT id::uuid, s, t, 0, 'null'::jsonb
            FROM unnest(\(ids)::text[], \(writes.map(\.call.subject))::text[], \(writes.map(\.tool.rawValue))::text[]) AS c(id, s, t)
            ORDER BY id
            ON CONFLICT (call_id) DO NOTHING RETURNING call_id::text
            """,
            logger: logger
        )
        var new = Set<String>()
        for try await id in fresh.decode(String.self) { new.insert(id) }
        var outcomes: [String: ToolOutcome] = [:]
        let known = ids.filter { !new.contains($0) }
        if !known.isEmpty {
            let recorded = try await connection.query(
                "SELECT call_id::text, status, body::text, tool, subject FROM idempotency_keys WHERE call_id = ANY(\(known)::uuid[]) AND status <> 0",
                logger: logger
            )
            let tools = Dictionary(writes.map { ($0.envelope.id, $0.tool.rawValue) }, uniquingKeysWith: { a, _ in a })
            for try await (id, status, body, tool, subject) in recorded.decode((String, Int32, String, String, String).self) {
                if let asked = tools[id], asked != tool {
                    let refusal = ToolResult.keyReused(id: id, subject: subject, firstTool: tool, tool: asked)
                    outcomes[id] = ToolOutcome(status: refusal.status, body: refusal.body)
                } else {
                    outcomes[id] = ToolOutcome(status: Int(status), body: SQLJSON.object(body))
                }
            }
        }
        var answered: [String] = []
        var saves: [(arguments: JSONValue, callID: String)] = []
        for call in writes where outcomes[call.envelope.id] == nil {
            var logger = logger
            logger[metadataKey: "call.id"] = .string(call.envelope.id)
            logger[metadataKey: "request.id"] = .string(call.envelope.trace)
            let arguments = call.call.arguments
            let outcome: ToolOutcome
            switch call.tool {
            case .createChatSession: outcome = try await CreateChatSession.run(arguments, on: connection, logger: logger)
            case .updateUserProfile: outcome = try await UpdateUserProfile.run(arguments, on: connection, logger: logger)
            case .saveConversation:
                // Saved together below, a few statements for the whole batch.
                saves.append((arguments, call.envelope.id))
                continue
            case .getUserContext, .getConversationAnalytics: throw ToolExecutionError("\(call.tool.rawValue) does not write")
            }
            outcomes[call.envelope.id] = outcome
            answered.append(call.envelope.id)
        }
        if !saves.isEmpty {
            let saved = try await SaveConversation.run(saves, on: connection, logger: logger)
            for (id, outcome) in saved {
                outcomes[id] = outcome
                answered.append(id)
            }
        }
        if !answered.isEmpty {
            try await connection.query(
                """
                UPDATE idempotency_keys AS k SET status = a.st, body = a.b::jsonb
                FROM unnest(\(answered)::text[], \(answered.map { Int32(outcomes[$0]!.status) })::int4[],
                            \(answered.map { outcomes[$0]!.bodyText })::text[]) AS a(id, st, b)
                WHERE k.call_id = a.id::uuid
                """,
                logger: logger
            )
        }
        return outcomes
    }

    func read(_ call: Call) async throws -> ToolOutcome {
        switch call.tool {
        case .getUserContext: return try await GetUserContext.run(call.call.arguments, context: context, postgres: postgres)
        case .getConversationAnalytics: return try await GetConversationAnalytics.run(call.call.arguments, context: context, postgres: postgres)
        default: throw ToolExecutionError("\(call.tool.rawValue) writes")
        }
    }

    /// Open sessions just created or returned are cached under the user's new generation.
    func cacheSessions(_ writes: [Call], outcomes: [String: ToolOutcome], generations: [String: Int]) async throws {
        for call in writes where call.tool == .createChatSession {
            guard let outcome = outcomes[call.envelope.id], outcome.body["status"]?.stringValue == "active",
                let generation = generations[call.user], let platform = outcome.body["platform"]?.stringValue
            else { continue }
            try? await context.cache.set(call.user, generation: generation, name: CreateChatSession.cacheName(platform: platform), value: outcome.bodyText)
        }
    }

    /// Stores every result and pushes it to its gateway, in one pipeline: one `RPUSH` and
    /// one `EXPIRE` per gateway for the whole batch.
    func answer(_ calls: [Call], outcomes: [String: ToolOutcome]) async throws {
        let redis = context.redis
        var commands: [any RedisCommand] = []
        var replies: [String: [RedisArgument]] = [:]
        var gateways: [String] = []
        // Only a reply key of this key space is written to; anything else in the field is ignored.
        let replyPrefix = redis.keys.reply(gateway: "").rawValue
        for call in calls {
            guard let outcome = outcomes[call.envelope.id] else { continue }
            let result = RedisArgument(
                ToolResult(id: call.envelope.id, status: outcome.status, bodyText: outcome.bodyText, subject: call.call.subject, tool: call.tool.rawValue).jsonText
            )
            commands.append(SET(redis.keys.result(callID: call.envelope.id), value: result, expiration: .seconds(resultTTLSeconds)))
            if call.envelope.reply.hasPrefix(replyPrefix), call.envelope.reply.count > replyPrefix.count {
                let gateway = String(call.envelope.reply.dropFirst(replyPrefix.count))
                if replies[gateway] == nil { gateways.append(gateway) }
                replies[gateway, default: []].append(result)
            }
        }
        for gateway in gateways {
            let key = redis.keys.reply(gateway: gateway)
            commands.append(RPUSH(key, values: replies[gateway]!))
            commands.append(EXPIRE(key, seconds: resultTTLSeconds))
        }
        guard !commands.isEmpty else { return }
        for reply in try await redis.pipeline(commands) { _ = try reply.checked() }
    }
}
