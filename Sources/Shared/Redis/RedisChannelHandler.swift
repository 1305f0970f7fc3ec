import DequeModule
import NIOCore

/// What the connection writes: one or more encoded commands and the promises of their replies,
/// in order. A pipeline is one write, so no other caller's command can land between its parts.
struct RedisOutboundRequest {
    var buffer: ByteBuffer
    var promises: [EventLoopPromise<RESPValue>]
}

/// Pipelines commands over one channel. Replies arrive in the order the commands were
/// written, so a FIFO of promises pairs each reply with its caller; when the channel closes
/// or the stream breaks, every pending caller is failed at once.
///
/// Flushes are consolidated: a flush is put off to a task queued behind the writes already
/// waiting for the event loop, so the commands of concurrent callers (one per webhook
/// delivery or tool call) leave in one `writev`, and Redis reads them in one `read` and
/// answers them in one `write`, as a client-side pipeline would.
final class RedisChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisOutboundRequest
    typealias OutboundOut = ByteBuffer

    private var pending = Deque<EventLoopPromise<RESPValue>>()
    private let reader = RESPReader()
    private var isClosed = false
    private var flushQueued = false

    func flush(context: ChannelHandlerContext) {
        guard !flushQueued else { return }
        flushQueued = true
        context.eventLoop.assumeIsolated().execute {
            self.flushQueued = false
            context.flush()
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        guard !isClosed else {
            for p in request.promises { p.fail(RedisClientError.connectionClosed) }
            promise?.fail(RedisClientError.connectionClosed)
            return
        }
        pending.append(contentsOf: request.promises)
        context.write(wrapOutboundOut(request.buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            try reader.feed(buffer)
            while let value = try reader.next() {
                guard let promise = pending.popFirst() else {
                    throw RedisClientError.protocolError("a reply arrived that no command asked for")
                }
                promise.succeed(value)
            }
        } catch {
            failAll(error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RedisClientError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: any Error) {
        isClosed = true
        while let promise = pending.popFirst() {
            promise.fail(error)
        }
    }
}
