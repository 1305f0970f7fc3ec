import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Redis for the whole process: a small pool of multiplexed connections, each kept up by
/// its own supervisor task that reconnects with backoff. While no connection is up, calls
/// fail fast with `RedisClientError.unavailable` (the gateway turns that into 503); at start
/// a call waits up to the connect timeout for the first connection. Blocking commands use
/// `withDedicatedConnection`, never the pool.
public final class RedisClient: Service, Sendable {
    public let configuration: RedisConfiguration
    public let keys: RedisKeyspace
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger

    private struct State {
        var connections: [RedisConnection?]
        var next = 0
        /// Slots that have not finished their first connection attempt.
        var starting: Int
    }
    private let state: Mutex<State>

    public init(
        configuration: RedisConfiguration,
        keys: RedisKeyspace,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.keys = keys
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.state = Mutex(State(connections: Array(repeating: nil, count: configuration.poolSize), starting: configuration.poolSize))
    }

    /// Keeps the pool connected until graceful shutdown or cancellation, then closes it.
    public func run() async throws {
        // Graceful shutdown cancels the supervisors, which close their connections.
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for slot in 0..<self.configuration.poolSize {
                    group.addTask { await self.supervise(slot: slot) }
                }
            }
        }
        let open = state.withLock { state -> [RedisConnection] in
            let open = state.connections.compactMap { $0 }
            state.connections = Array(repeating: nil, count: state.connections.count)
            return open
        }
        for connection in open { connection.close() }
    }

    private func supervise(slot: Int) async {
        var backoff = Duration.milliseconds(50)
        var first = true
        while !Task.isCancelled {
            do {
                let connection = try await RedisConnection.connect(
                    configuration: configuration,
                    eventLoop: eventLoopGroup.next(),
                    isDedicated: false
                )
                state.withLock {
                    $0.connections[slot] = connection
                    if first { $0.starting -= 1 }
                }
                first = false
                backoff = .milliseconds(50)
                await withTaskCancellationHandler {
                    await connection.closed()
                } onCancel: {
                    connection.close()
                }
                state.withLock { $0.connections[slot] = nil }
                if !Task.isCancelled {
                    logger.warning("redis connection lost; reconnecting", metadata: ["redis.slot": "\(slot)"])
                }
            } catch {
                if first {
                    state.withLock { $0.starting -= 1 }
                    first = false
                }
                logger.debug("redis connect failed", metadata: ["error": "\(error)", "redis.slot": "\(slot)"])
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(2))
            }
        }
    }

    /// A live shared connection (round robin), waiting only while the pool is still starting.
    public func connection() async throws -> RedisConnection {
        let deadline = ContinuousClock.now + configuration.connectTimeout
        while true {
            let (connection, starting) = state.withLock { state -> (RedisConnection?, Bool) in
                let count = state.connections.count
                for offset in 0..<count {
                    let index = (state.next + offset) % count
                    if let connection = state.connections[index], connection.isActive {
                        state.next = (index + 1) % count
                        return (connection, false)
                    }
                }
                return (nil, state.starting > 0)
            }
            if let connection { return connection }
            guard starting, ContinuousClock.now < deadline else { throw RedisClientError.unavailable }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// True when at least one pooled connection is up.
    public var isConnected: Bool {
        state.withLock { $0.connections.contains { $0?.isActive == true } }
    }

    /// Sends one command on a shared connection.
    public func send<Command: RedisCommand>(_ command: Command) async throws -> Command.Response {
        try await connection().send(command)
    }

    /// Sends several commands in one write on one connection; replies in order, error replies as `.error`.
    public func pipeline(_ commands: [any RedisCommand]) async throws -> [RESPValue] {
        try await connection().pipeline(commands)
    }

    /// Runs commands atomically with MULTI/EXEC. The whole transaction is one write, so other
    /// callers sharing the connection cannot slip a command into it.
    public func transaction(_ commands: [any RedisCommand]) async throws -> [RESPValue] {
        let replies = try await pipeline([MULTI()] + commands + [EXEC()])
        guard let exec = replies.last else { throw RedisClientError.unexpectedReply("EXEC") }
        for reply in replies.dropLast() { _ = try reply.checked() }
        guard let results = try EXEC().decode(exec) else { throw RedisClientError.unexpectedReply("EXEC aborted") }
        return results
    }

    /// Opens a connection of its own for blocking commands; the caller must close it.
    public func makeDedicatedConnection() async throws -> RedisConnection {
        do {
            return try await RedisConnection.connect(configuration: configuration, eventLoop: eventLoopGroup.next(), isDedicated: true)
        } catch let error as RedisClientError {
            throw error
        } catch {
            throw RedisClientError.unavailable
        }
    }

    /// Runs `body` with a dedicated connection, closed afterwards (also when cancelled).
    public func withDedicatedConnection<Result: Sendable>(_ body: (RedisConnection) async throws -> Result) async throws -> Result {
        let connection = try await makeDedicatedConnection()
        defer { connection.close() }
        return try await withTaskCancellationHandler {
            try await body(connection)
        } onCancel: {
            connection.close()
        }
    }
}
