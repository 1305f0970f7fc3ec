import NIOCore
import NIOEmbedded
import Testing

@testable import Shared

@Suite("RESP codec (hiredis) and channel handler")
struct RESPCodecTests {
    // MARK: encoding

    @Test("commands encode to exact RESP bytes")
    func encodesExactBytes() {
        var buffer = ByteBuffer()
        RESPEncoder.encode(["SET", "key", "value"], into: &buffer)
        #expect(String(buffer: buffer) == "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n")
    }

    @Test("binary, empty and multi-byte arguments keep their lengths")
    func encodesBinarySafe() {
        var buffer = ByteBuffer()
        RESPEncoder.encode(["SET", RedisArgument(bytes: [0x0D, 0x0A, 0x00]), "", "ação"], into: &buffer)
        let expected: [UInt8] = Array("*4\r\n$3\r\nSET\r\n$3\r\n".utf8) + [0x0D, 0x0A, 0x00] + Array("\r\n$0\r\n\r\n$6\r\nação\r\n".utf8)
        #expect(Array(buffer.readableBytesView) == expected)
    }

    @Test("several commands append to one buffer in order")
    func encodesPipeline() {
        var buffer = ByteBuffer()
        RESPEncoder.encode(["PING"], into: &buffer)
        RESPEncoder.encode(["INCR", "n"], into: &buffer)
        #expect(String(buffer: buffer) == "*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n")
    }

    @Test("command values build the arguments Redis expects")
    func commandArguments() {
        let keys = RedisKeyspace(prefix: "p:")
        let args = XADD(keys.inbound, trim: .maxLength(1000), fields: [("v", "1"), ("body", "{}")]).arguments
        #expect(args.map { String(decoding: $0.bytes, as: UTF8.self) } == ["XADD", "p:inbound", "MAXLEN", "~", "1000", "*", "v", "1", "body", "{}"])
        let read = XREADGROUP(group: "g", consumer: "c", count: 10, block: .milliseconds(1500), stream: keys.tools).arguments
        #expect(read.map { String(decoding: $0.bytes, as: UTF8.self) } == ["XREADGROUP", "GROUP", "g", "c", "COUNT", "10", "BLOCK", "1500", "STREAMS", "p:tools", ">"])
        #expect(XREADGROUP(group: "g", consumer: "c", count: 1, block: .seconds(1), stream: keys.tools).isBlocking)
        #expect(!XREADGROUP(group: "g", consumer: "c", count: 1, block: nil, stream: keys.tools).isBlocking)
        let set = SET(keys.key("a"), value: "b", expiration: .milliseconds(250), condition: .ifNotExists).arguments
        #expect(set.map { String(decoding: $0.bytes, as: UTF8.self) } == ["SET", "p:a", "b", "PX", "250", "NX"])
    }

    // MARK: decoding

    private func decodeAll(_ chunks: [String]) throws -> [RESPValue] {
        let reader = RESPReader()
        var values: [RESPValue] = []
        for chunk in chunks {
            try reader.feed(ByteBuffer(string: chunk))
            while let value = try reader.next() { values.append(value) }
        }
        return values
    }

    @Test("every reply type decodes")
    func decodesAllTypes() throws {
        let values = try decodeAll(["+OK\r\n-ERR wrong\r\n:42\r\n:-7\r\n$5\r\nhello\r\n$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n"])
        #expect(values == [.simpleString("OK"), .error("ERR wrong"), .integer(42), .integer(-7), .bulkString(Array("hello".utf8)),
                           .bulkString([]), .null, .null, .array([])])
    }

    @Test("nested arrays with nulls and errors inside decode")
    func decodesNested() throws {
        let values = try decodeAll(["*3\r\n*2\r\n$2\r\nid\r\n*2\r\n$1\r\nk\r\n$1\r\nv\r\n$-1\r\n*2\r\n:1\r\n-ERR inner\r\n"])
        #expect(values == [.array([
            .array([.bulkString(Array("id".utf8)), .array([.bulkString([0x6B]), .bulkString([0x76])])]),
            .null,
            .array([.integer(1), .error("ERR inner")]),
        ])])
    }

    @Test("a reply split across reads arrives once, complete", arguments: [1, 2, 3, 7])
    func decodesSplitReply(chunkSize: Int) throws {
        let text = "*2\r\n$5\r\nhello\r\n:12345\r\n+PONG\r\n"
        let bytes = Array(text.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: chunkSize).map {
            String(decoding: bytes[$0..<min($0 + chunkSize, bytes.count)], as: UTF8.self)
        }
        let values = try decodeAll(chunks)
        #expect(values == [.array([.bulkString(Array("hello".utf8)), .integer(12345)]), .simpleString("PONG")])
    }

    @Test("binary bulk strings survive intact")
    func decodesBinary() throws {
        let reader = RESPReader()
        var buffer = ByteBuffer(string: "$4\r\n")
        buffer.writeBytes([0x00, 0x0D, 0x0A, 0xFF])
        buffer.writeString("\r\n")
        try reader.feed(buffer)
        #expect(try reader.next() == .bulkString([0x00, 0x0D, 0x0A, 0xFF]))
    }

    @Test("garbage is a protocol error")
    func rejectsGarbage() throws {
        let reader = RESPReader()
        try reader.feed(ByteBuffer(string: "?what\r\n"))
        #expect(throws: RedisClientError.self) { try reader.next() }
    }

    // MARK: channel handler

    @Test("the handler pairs replies with callers in order, across split reads")
    func handlerPipelines() async throws {
        let channel = NIOAsyncTestingChannel()
        try await channel.pipeline.addHandler(RedisChannelHandler()).get()
        var request = ByteBuffer()
        RESPEncoder.encode(["GET", "a"], into: &request)
        RESPEncoder.encode(["GET", "b"], into: &request)
        let first = channel.eventLoop.makePromise(of: RESPValue.self)
        let second = channel.eventLoop.makePromise(of: RESPValue.self)
        try await channel.writeOutbound(RedisOutboundRequest(buffer: request, promises: [first, second]))
        let written = try await channel.readOutbound(as: ByteBuffer.self)
        #expect(written.map { String(buffer: $0) } == "*2\r\n$3\r\nGET\r\n$1\r\na\r\n*2\r\n$3\r\nGET\r\n$1\r\nb\r\n")

        try await channel.writeInbound(ByteBuffer(string: "$1\r\nA\r\n$1"))
        #expect(try await first.futureResult.get() == .bulkString([0x41]))
        try await channel.writeInbound(ByteBuffer(string: "\r\nB\r\n"))
        #expect(try await second.futureResult.get() == .bulkString([0x42]))
        _ = try await channel.finish()
    }

    @Test("the flushes of concurrent callers are put off until their writes are in, and leave together")
    func handlerConsolidatesFlushes() throws {
        let channel = EmbeddedChannel(handler: RedisChannelHandler())
        var promises: [EventLoopPromise<RESPValue>] = []
        for key in ["a", "b", "c"] {
            var request = ByteBuffer()
            RESPEncoder.encode(["GET", RedisArgument(key)], into: &request)
            promises.append(channel.eventLoop.makePromise(of: RESPValue.self))
            channel.writeAndFlush(RedisOutboundRequest(buffer: request, promises: [promises[promises.count - 1]]), promise: nil)
        }
        // Nothing has left yet: one flush is queued behind the writes.
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        channel.embeddedEventLoop.run()
        var written = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { written += String(buffer: buffer) }
        #expect(written == ["a", "b", "c"].map { "*2\r\n$3\r\nGET\r\n$1\r\n\($0)\r\n" }.joined())
        try channel.writeInbound(ByteBuffer(string: "$1\r\nA\r\n$1\r\nB\r\n$1\r\nC\r\n"))
        for (promise, letter) in zip(promises, [0x41, 0x42, 0x43] as [UInt8]) {
            var reply: RESPValue?
            promise.futureResult.whenSuccess { reply = $0 }
            #expect(reply == .bulkString([letter]))
        }
        _ = try channel.finish()
    }

    @Test("closing the channel fails every pending call")
    func handlerFailsPendingOnClose() async throws {
        let channel = NIOAsyncTestingChannel()
        try await channel.pipeline.addHandler(RedisChannelHandler()).get()
        var request = ByteBuffer()
        RESPEncoder.encode(["PING"], into: &request)
        let promises = (0..<3).map { _ in channel.eventLoop.makePromise(of: RESPValue.self) }
        try await channel.writeOutbound(RedisOutboundRequest(buffer: request, promises: promises))
        try await channel.close()
        for promise in promises {
            await #expect(throws: RedisClientError.connectionClosed) { try await promise.futureResult.get() }
        }
    }

    @Test("a protocol error fails pending calls and closes the connection")
    func handlerClosesOnGarbage() async throws {
        let channel = NIOAsyncTestingChannel()
        try await channel.pipeline.addHandler(RedisChannelHandler()).get()
        let promise = channel.eventLoop.makePromise(of: RESPValue.self)
        var request = ByteBuffer()
        RESPEncoder.encode(["PING"], into: &request)
        try await channel.writeOutbound(RedisOutboundRequest(buffer: request, promises: [promise]))
        try? await channel.writeInbound(ByteBuffer(string: "!!!\r\n"))
        await #expect(throws: RedisClientError.self) { try await promise.futureResult.get() }
        #expect(!channel.isActive)
    }

    @Test("typed decoding of stream replies")
    func decodesStreamReplies() throws {
        let keys = RedisKeyspace(prefix: "")
        let reply: RESPValue = .array([
            .array(["s", .array([.array(["1-1", .array(["kind", "x", "body", "{}"])]), .array(["1-2", .null])])])
        ])
        let entries = try XREADGROUP(group: "g", consumer: "c", count: 2, block: nil, stream: keys.inbound).decode(reply)
        #expect(entries == [StreamEntry(id: "1-1", fields: ["kind": "x", "body": "{}"]), StreamEntry(id: "1-2", fields: nil)])
        #expect(try XREADGROUP(group: "g", consumer: "c", count: 2, block: nil, stream: keys.inbound).decode(.null).isEmpty)
        #expect(throws: RedisClientError.server("ERR x")) { try GET(keys.key("a")).decode(.error("ERR x")) }
        #expect(try XGROUP_CREATE(keys.inbound, group: "g").decode(.error("BUSYGROUP Consumer Group name already exists")) == false)
    }
}
