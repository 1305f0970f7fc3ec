import Foundation
import Testing
import TestSupport

@testable import Shared

@Suite("Redis client against a real Redis", .enabled(if: TestServices.available), .serialized)
struct RedisClientTests {
    @Test("10,000 concurrent commands on one connection each get their own reply")
    func concurrentCommandsOnOneConnection() async throws {
        try await TestServices.withRedis(poolSize: 1) { redis in
            let connection = try await redis.connection()
            let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<10_000 {
                    group.addTask {
                        let reply = try await connection.send(RawCommand(["ECHO", RedisArgument("value-\(i)")]))
                        return reply.string == "value-\(i)" ? 0 : 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(mismatches == 0)
            // And the order of a pipeline is the order of its commands.
            let key = redis.keys.key("counter")
            let replies = try await redis.pipeline((0..<100).map { _ in INCR(key) })
            #expect(replies.map(\.int) == (1...100).map { $0 })
        }
    }

    @Test("a dropped connection fails every pending call, and the client reconnects")
    func droppedConnectionFailsPendingAndReconnects() async throws {
        try await TestServices.withRedis(poolSize: 1) { redis in
            let connection = try await redis.connection()
            guard let clientID = try await connection.send(RawCommand(["CLIENT", "ID"])).int else {
                Issue.record("no client id")
                return
            }
            try await redis.withDedicatedConnection { admin in
                // Writes wait while paused, so these calls are pending when the connection dies.
                _ = try await admin.send(RawCommand(["CLIENT", "PAUSE", "3000", "WRITE"]))
                defer { Task { _ = try? await admin.send(RawCommand(["CLIENT", "UNPAUSE"])) } }
                let key = redis.keys.key("paused")
                let pending = Task {
                    try await withThrowingTaskGroup(of: Bool.self) { group in
                        for i in 0..<50 {
                            group.addTask {
                                do {
                                    _ = try await connection.send(SET(key, value: RedisArgument(i)))
                                    return false
                                } catch let error as RedisClientError {
                                    return error == .connectionClosed
                                }
                            }
                        }
                        return try await group.reduce(true) { $0 && $1 }
                    }
                }
                try await Task.sleep(for: .milliseconds(200))
                _ = try await admin.send(RawCommand(["CLIENT", "KILL", "ID", RedisArgument(clientID)]))
                let allFailed = try await pending.value
                #expect(allFailed)
                _ = try await admin.send(RawCommand(["CLIENT", "UNPAUSE"]))
            }
            let reconnected = try await TestServices.eventually(timeout: .seconds(5)) {
                (try? await redis.ping()) == "PONG"
            }
            #expect(reconnected)
            let newID = try await redis.send(RawCommand(["CLIENT", "ID"])).int
            #expect(newID != clientID)
        }
    }

    @Test("a blocking XREADGROUP does not delay other commands")
    func blockingReadDoesNotDelayOthers() async throws {
        try await TestServices.withRedis { redis in
            let stream = redis.keys.key("blocking")
            try await redis.xgroupCreate(stream, group: "g", id: "$")
            // A blocking command is refused on the shared pool.
            await #expect(throws: RedisClientError.blockingCommandOnSharedConnection("XREADGROUP")) {
                _ = try await redis.send(XREADGROUP(group: "g", consumer: "c", count: 1, block: .seconds(1), stream: stream))
            }
            let blocked = Task {
                try await redis.withDedicatedConnection { connection in
                    try await connection.xreadgroup(stream, group: "g", consumer: "c", count: 1, block: .seconds(20))
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            let start = ContinuousClock.now
            for _ in 0..<200 { #expect(try await redis.ping() == "PONG") }
            let elapsed = ContinuousClock.now - start
            // Far less than the block: the pings did not queue behind it (bounded loosely, since
            // other suites load the machine in parallel).
            #expect(elapsed < .seconds(5))
            // The blocked reader still gets what arrives.
            try await redis.xadd(stream, fields: [("k", "v")])
            let entries = try await blocked.value
            #expect(entries.first?.fields == ["k": "v"])
        }
    }

    @Test("strings, expiry, counters, scripts, transactions and lists")
    func basicCommands() async throws {
        try await TestServices.withRedis { redis in
            let k = redis.keys.key("k")
            #expect(try await redis.get(k) == nil)
            #expect(try await redis.set(k, to: "v", expiration: .seconds(60)))
            #expect(try await redis.set(k, to: "w", condition: .ifNotExists) == false)
            #expect(try await redis.get(k) == "v")
            #expect(try await redis.send(RawCommand(["TTL", RedisArgument(k)])).int ?? 0 > 0)
            #expect(try await redis.expire(k, seconds: 1))
            #expect(try await redis.send(SET(k, value: "x", expiration: .milliseconds(5000))))
            #expect(try await redis.del(k) == 1)
            let n = redis.keys.key("n")
            #expect(try await redis.incr(n) == 1)
            #expect(try await redis.incr(n) == 2)

            let script = "return redis.call('INCRBY', KEYS[1], ARGV[1])"
            #expect(try await redis.eval(script, keys: [n], args: ["40"]).int == 42)
            let sha = try await redis.send(SCRIPT_LOAD(script))
            #expect(try await redis.send(EVALSHA(sha, keys: [n], args: ["1"])).int == 43)

            let results = try await redis.transaction([INCR(n), SET(k, value: "t"), GET(k)])
            #expect(results == [.integer(44), .simpleString("OK"), .bulkString(Array("t".utf8))])

            let list = redis.keys.key("list")
            #expect(try await redis.rpush(list, "a", "b") == 2)
            let popped = try await redis.withDedicatedConnection { try await $0.blpop([list], timeout: 1) }
            #expect(popped?.value == "a")
            #expect(popped?.key == list.rawValue)
            let none = try await redis.withDedicatedConnection { try await $0.blpop([redis.keys.key("empty")], timeout: 0.1) }
            #expect(none == nil)
            // LPOP with a count drains what is there, oldest first, and an empty list gives nothing.
            #expect(try await redis.rpush(list, "c", "d", "e") == 4)
            #expect(try await redis.send(LPOP(list, count: 2)) == ["b", "c"])
            #expect(try await redis.send(LPOP(list, count: 10)) == ["d", "e"])
            #expect(try await redis.send(LPOP(list, count: 10)) == [])

            await #expect(throws: RedisClientError.self) { _ = try await redis.send(RawCommand(["NOSUCHCOMMAND"])) }
            try await redis.del(k, n, list)
        }
    }

    @Test("streams: groups, reads, pending, claims, acks, ranges, trims")
    func streamCommands() async throws {
        try await TestServices.withRedis { redis in
            let s = redis.keys.key("stream")
            #expect(try await redis.xgroupCreate(s, group: "g"))
            #expect(try await redis.xgroupCreate(s, group: "g") == false)
            var ids: [String] = []
            for i in 0..<5 { ids.append(try await redis.xadd(s, fields: [("n", RedisArgument(i))])) }
            #expect(try await redis.xlen(s) == 5)

            let read = try await redis.xreadgroup(s, group: "g", consumer: "a", count: 3)
            #expect(read.map(\.id) == Array(ids.prefix(3)))
            #expect(read.first?.fields == ["n": "0"])
            let summary = try await redis.xpending(s, group: "g")
            #expect(summary.count == 3)
            #expect(summary.consumers["a"] == 3)

            let info = try await redis.xinfoGroups(s)
            #expect(info.first?.name == "g")
            #expect(info.first?.pending == 3)
            #expect(info.first?.lag == 2)

            // b takes over a's entries once they are idle.
            try await Task.sleep(for: .milliseconds(30))
            let claimed = try await redis.xautoclaim(s, group: "g", consumer: "b", minIdle: .milliseconds(10), count: 10)
            #expect(claimed.entries.map(\.id) == Array(ids.prefix(3)))
            let rows = try await redis.xpending(s, group: "g", count: 10)
            #expect(rows.allSatisfy { $0.consumer == "b" && $0.deliveries == 2 })

            #expect(try await redis.xack(s, group: "g", ids: Array(ids.prefix(3))) == 3)
            #expect(try await redis.xpending(s, group: "g").count == 0)
            #expect(try await redis.xrange(s, start: ids[1], end: ids[3]).map(\.id) == Array(ids[1...3]))
            #expect(try await redis.xdel(s, ids: [ids[0]]) == 1)
            #expect(try await redis.xtrim(s, trim: .minID(ids[3]), approximate: false) == 2)
            #expect(try await redis.xlen(s) == 2)
            #expect(try await redis.xtrim(s, trim: .maxLength(0), approximate: false) == 2)
            try await redis.del(s)
        }
    }

    @Test("every key goes through the prefix")
    func keysArePrefixed() async throws {
        let prefix = TestServices.uniquePrefix("prefix")
        try await TestServices.withRedis(prefix: prefix) { redis in
            try await redis.set(redis.keys.key("x"), to: "1")
            let keys = try await redis.send(RawCommand(["KEYS", RedisArgument(prefix + "*")]))
            #expect(keys.array?.compactMap(\.string) == [prefix + "x"])
            #expect(redis.keys.inbound.rawValue == prefix + "inbound")
            #expect(redis.keys.reply(gateway: "g1").rawValue == prefix + "reply:g1")
            try await redis.del(redis.keys.key("x"))
        }
    }

    @Test("SELECT from the URL's database number isolates keys")
    func selectsDatabase() async throws {
        guard let base = TestServices.redisURL else { return }
        let client = RedisClient(configuration: try RedisConfiguration(url: base + "/3", poolSize: 1), keys: RedisKeyspace(prefix: TestServices.uniquePrefix()), logger: TestServices.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.run() }
            defer { group.cancelAll() }
            let key = client.keys.key("db")
            try await client.set(key, to: "three")
            #expect(try await client.send(RawCommand(["CLIENT", "INFO"])).string?.contains("db=3") == true)
            let inDatabaseZero = try await TestServices.withRedis(prefix: client.keys.prefix) { db0 in
                try await db0.get(key)
            }
            #expect(inDatabaseZero == nil)
            try await client.del(key)
        }
    }

    @Test("with Redis unreachable, calls fail fast with unavailable")
    func failsFastWhenDown() async throws {
        let client = RedisClient(
            configuration: try RedisConfiguration(url: "redis://127.0.0.1:1", poolSize: 1, connectTimeout: .milliseconds(300)),
            keys: RedisKeyspace(prefix: "x:"), logger: TestServices.logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.run() }
            defer { group.cancelAll() }
            let start = ContinuousClock.now
            await #expect(throws: RedisClientError.unavailable) { _ = try await client.ping() }
            #expect(ContinuousClock.now - start < .seconds(2))
            // Once the first attempt is over, a call does not wait at all.
            let again = ContinuousClock.now
            await #expect(throws: RedisClientError.unavailable) { _ = try await client.ping() }
            #expect(ContinuousClock.now - again < .milliseconds(100))
        }
    }

    @Test("URLs parse, bad ones are refused")
    func parsesURLs() throws {
        let c = try RedisConfiguration(url: "redis://user:p%40ss@localhost:6380/2")
        #expect(c.host == "localhost")
        #expect(c.port == 6380)
        #expect(c.username == "user")
        #expect(c.password == "p@ss")
        #expect(c.database == 2)
        #expect(throws: RedisClientError.self) { try RedisConfiguration(url: "http://x") }
        #expect(throws: RedisClientError.self) { try RedisConfiguration(url: "redis://h/notanumber") }
    }
}
