import Logging
import NIOCore
import NIOPosix

/// One connection to Redis. Any number of tasks may send on it at once: their commands are
/// pipelined and each gets its own reply. A connection used for a blocking command
/// (`BLPOP`, `XREADGROUP … BLOCK`) must not be shared; `RedisClient` hands those out separately.
public final class RedisConnection: Sendable {
    let channel: any Channel
    /// False for the pool's shared connections, which refuse blocking commands.
    public let isDedicated: Bool

    init(channel: any Channel, isDedicated: Bool) {
        self.channel = channel
        self.isDedicated = isDedicated
    }

    /// Opens a connection, then authenticates and selects the database.
    static func connect(
        configuration: RedisConfiguration,
        eventLoop: any EventLoop,
        isDedicated: Bool
    ) async throws -> RedisConnection {
        let timeout = TimeAmount.milliseconds(Int64(configuration.connectTimeout.wholeMilliseconds))
        let channel = try await ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RedisChannelHandler())
                }
            }
            .connect(host: configuration.host, port: configuration.port)
            .get()
        let connection = RedisConnection(channel: channel, isDedicated: isDedicated)
        do {
            if let password = configuration.password {
                var args: [RedisArgument] = ["AUTH"]
                if let user = configuration.username { args.append(RedisArgument(user)) }
                args.append(RedisArgument(password))
                _ = try await connection.send(RawCommand(args))
            }
            if configuration.database != 0 {
                _ = try await connection.send(SELECT(database: configuration.database))
            }
            if let name = configuration.clientName {
                _ = try await connection.send(RawCommand(["CLIENT", "SETNAME", RedisArgument(name)]))
            }
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    public var isActive: Bool { channel.isActive }

    /// Sends one command and waits for its reply; error replies throw `.server`.
    public func send<Command: RedisCommand>(_ command: Command) async throws -> Command.Response {
        if command.isBlocking && !isDedicated {
            throw RedisClientError.blockingCommandOnSharedConnection(command.name)
        }
        let value = try await sendRaw([command.arguments]).first ?? .null
        return try command.decode(value)
    }

    /// Sends several commands in one write and returns every reply, error replies included
    /// as `.error` values (a pipeline is not atomic; use `transaction` for that).
    public func pipeline(_ commands: [any RedisCommand]) async throws -> [RESPValue] {
        if !isDedicated, let blocking = commands.first(where: { $0.isBlocking }) {
            throw RedisClientError.blockingCommandOnSharedConnection(blocking.name)
        }
        return try await sendRaw(commands.map(\.arguments))
    }

    func sendRaw(_ commands: [[RedisArgument]]) async throws -> [RESPValue] {
        var buffer = channel.allocator.buffer(capacity: 64 * commands.count)
        for arguments in commands {
            RESPEncoder.encode(arguments, into: &buffer)
        }
        let eventLoop = channel.eventLoop
        let promises = commands.map { _ in eventLoop.makePromise(of: RESPValue.self) }
        // A write to a channel that already closed never reaches the handler: fail the
        // callers here (completing a promise twice is a no-op in NIO).
        let written = eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { _ in
            for promise in promises { promise.fail(RedisClientError.connectionClosed) }
        }
        channel.writeAndFlush(RedisOutboundRequest(buffer: buffer, promises: promises), promise: written)
        // One wait for the whole pipeline: each awaited future costs two thread hops (to the
        // event loop and back), so awaiting replies one by one made a pipeline of 900 cache
        // commands 1,800 hops; the replies are gathered on the event loop instead.
        if promises.count == 1 { return [try await promises[0].futureResult.get()] }
        return try await EventLoopFuture.whenAllSucceed(promises.map(\.futureResult), on: eventLoop).get()
    }

    /// Waits until the connection closes.
    func closed() async {
        try? await channel.closeFuture.get()
    }

    public func close() {
        channel.close(promise: nil)
    }
}
