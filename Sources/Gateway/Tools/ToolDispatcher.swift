import Foundation
import Logging
import ServiceLifecycle
import Shared

/// Runs tool calls through the `talkhub:tools` stream and waits for their results
/// (ARCHITECTURE.md decision 5). One dedicated connection per gateway blocks on this replica's
/// reply key and resumes the waiting requests by call id, so any number of calls in flight
/// costs one connection beyond the shared pool.
public final class ToolDispatcher: Service, Sendable {
    /// What became of a call.
    public enum Outcome: Sendable {
        /// The worker's answer (possibly the first answer again, for a replay).
        case finished(ToolResult)
        /// Not finished within `TOOL_TIMEOUT_MS`; the work goes on and its result can be
        /// fetched later by call id.
        case timedOut(callID: String)
    }

    let redis: RedisClient
    /// This replica's id; names its reply key.
    public let gatewayID: String
    let timeout: Duration
    let resultTTLSeconds: Int
    let logger: Logger
    let waiters = ReplyWaiters()

    public init(redis: RedisClient, timeout: Duration, resultTTLSeconds: Int, gatewayID: String = UUID.random().lowercasedString, logger: Logger) {
        self.redis = redis
        self.gatewayID = gatewayID
        self.timeout = timeout
        self.resultTTLSeconds = resultTTLSeconds
        var logger = logger
        logger[metadataKey: "gateway.id"] = .string(gatewayID)
        self.logger = logger
    }

    public var replyKey: RedisKey { redis.keys.reply(gateway: gatewayID) }

    /// The call id (API.md): the UUIDv5 of `<subject>\n<Idempotency-Key>` when a key is
    /// given; for `save_conversation` with a body `conversation_id`, the UUIDv5 of
    /// `<subject>\nconversation:<id>`, so that a replay by id also waits for a running first
    /// call; otherwise random.
    public static func callID(subject: String, idempotencyKey: String?, tool: ToolName, arguments: JSONValue) -> String {
        if let idempotencyKey {
            return UUID(v5: subject + "\n" + idempotencyKey).lowercasedString
        }
        if tool == .saveConversation, let conversation = arguments["conversation_id"]?.stringValue {
            return UUID(v5: subject + "\nconversation:" + conversation).lowercasedString
        }
        return UUID.random().lowercasedString
    }

    /// Writes the pending marker only if the call is new, and enqueues it in the same step,
    /// so a failed enqueue never leaves a marker behind, and a replay never enqueues twice.
    /// Returns `[1]` when enqueued, `[0, stored]` when the call id was already known.
    static let enqueueScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then
            redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
            return {1}
        end
        return {0, redis.call('GET', KEYS[1])}
        """

    /// Runs one validated call and waits up to `TOOL_TIMEOUT_MS` for its result.
    public func call(_ tool: ToolName, arguments: JSONValue, subject: String, callID: String, trace: String) async throws -> Outcome {
        let token = waiters.register(callID, deadline: .now + timeout)
        defer { waiters.forget(token) }
        let body = ToolCall(subject: subject, arguments: arguments).jsonText
        let envelope = Envelope(id: callID, kind: tool.envelopeKind, reply: replyKey.rawValue, trace: trace, body: body)
        var args: [RedisArgument] = [RedisArgument(ToolResult.pendingMarker(subject: subject, tool: tool.rawValue)), RedisArgument(resultTTLSeconds)]
        for (name, value) in envelope.fields {
            args.append(RedisArgument(name))
            args.append(value)
        }
        let reply: RESPValue
        do {
            reply = try await redis.eval(Self.enqueueScript, keys: [redis.keys.result(callID: callID), redis.keys.tools], args: args)
        } catch {
            throw APIError.unavailable("the tool queue is unavailable; retry later")
        }
        let replay = reply.array?.first?.int == 0
        if replay, let stored = reply.array?.dropFirst().first?.string {
            // A key reused for another tool is refused rather than answered with the other tool's body.
            if let first = ToolResult.tool(ofStored: stored), first != tool.rawValue {
                return .finished(.keyReused(id: callID, subject: subject, firstTool: first, tool: tool.rawValue))
            }
            if let result = ToolResult(jsonText: stored), result.subject == subject { return .finished(result) }
        }
        // The waiter's deadline (swept by `run`) ends the wait with nil after `TOOL_TIMEOUT_MS`.
        let waited: ToolResult?
        if replay {
            waited = await withTaskGroup(of: ToolResult?.self) { group in
                group.addTask { await self.waiters.wait(token) }
                // The first call may belong to another replica (its reply goes there) or have
                // timed out already; its stored result is the answer either way.
                group.addTask { await self.pollStored(callID: callID, subject: subject) }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        } else {
            waited = await waiters.wait(token)
        }
        if let waited {
            if let first = waited.tool, first != tool.rawValue {
                return .finished(.keyReused(id: callID, subject: subject, firstTool: first, tool: tool.rawValue))
            }
            return .finished(waited)
        }
        return .timedOut(callID: callID)
    }

    private func pollStored(callID: String, subject: String) async -> ToolResult? {
        while !Task.isCancelled {
            if let stored = try? await redis.get(redis.keys.result(callID: callID)), let result = ToolResult(jsonText: stored), result.subject == subject {
                return result
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// A stored call for `GET /api/v1/requests/{id}`: nil when unknown, expired or another
    /// subject's; `.pending` while it runs.
    public enum Stored: Sendable {
        case pending
        case done(ToolResult)
    }

    public func stored(callID: String, subject: String) async throws -> Stored? {
        let text: String?
        do {
            text = try await redis.get(redis.keys.result(callID: callID))
        } catch {
            throw APIError.unavailable("the result store is unavailable; retry later")
        }
        guard let text, ToolResult.subject(ofStored: text) == subject else { return nil }
        if let result = ToolResult(jsonText: text) { return .done(result) }
        return .pending
    }

    /// Replies taken per `LPOP` once `BLPOP` has woken the listener.
    static let drainBatch = 256

    private func deliver(_ value: String) {
        guard let result = ToolResult(jsonText: value) else {
            logger.warning("unreadable tool reply dropped")
            return
        }
        if waiters.deliver(result) == 0 {
            logger.debug("late tool reply dropped", metadata: ["call.id": "\(result.id)"])
        }
    }

    /// How often waiters' deadlines are checked.
    static let sweepInterval = Duration.milliseconds(20)

    /// Listens on the reply key until graceful shutdown, reconnecting with backoff, and ends
    /// the waits whose deadline passed. After the listener stops, the calls still waiting
    /// keep their deadlines (they answer as timed out, with their call id), so shutdown waits
    /// at most `TOOL_TIMEOUT_MS` for them.
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.listen() }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.sweepInterval)
                    let stopping = Task.isShuttingDownGracefully
                    if self.waiters.expire(closeWhenEmpty: stopping) == 0 && stopping { break }
                }
            }
            await group.waitForAll()
        }
    }

    private func listen() async {
        await cancelWhenGracefulShutdown {
            var backoff = Duration.milliseconds(50)
            while !Task.isCancelled {
                do {
                    try await self.redis.withDedicatedConnection { connection in
                        backoff = .milliseconds(50)
                        while !Task.isCancelled {
                            guard let (_, first) = try await connection.blpop([self.replyKey], timeout: 1) else { continue }
                            self.deliver(first)
                            // Under load many replies wait: take them in one round trip each
                            // batch instead of one BLPOP per reply.
                            while true {
                                let more = try await connection.send(LPOP(self.replyKey, count: Self.drainBatch))
                                for value in more { self.deliver(value) }
                                if more.count < Self.drainBatch { break }
                            }
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    self.logger.warning("reply listener lost redis; reconnecting", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: backoff)
                    backoff = min(backoff * 2, .seconds(2))
                }
            }
        }
    }
}
