import CHiredis
import NIOCore

/// Encodes commands as RESP with hiredis's `redisFormatCommandArgv`.
enum RESPEncoder {
    /// Appends one command (its name is the first argument) to `buffer`.
    static func encode(_ arguments: [RedisArgument], into buffer: inout ByteBuffer) {
        precondition(!arguments.isEmpty, "a Redis command needs at least its name")
        var flat: [UInt8] = []
        flat.reserveCapacity(arguments.reduce(1) { $0 + $1.bytes.count })
        var offsets: [Int] = []
        var lengths: [Int] = []
        offsets.reserveCapacity(arguments.count)
        lengths.reserveCapacity(arguments.count)
        for argument in arguments {
            offsets.append(flat.count)
            lengths.append(argument.bytes.count)
            flat.append(contentsOf: argument.bytes)
        }
        flat.append(0)  // a non-empty array always has a base address

        flat.withUnsafeBufferPointer { storage in
            let base = UnsafeRawPointer(storage.baseAddress!).assumingMemoryBound(to: CChar.self)
            var argv: [UnsafePointer<CChar>?] = offsets.map { base + $0 }
            var target: UnsafeMutablePointer<CChar>?
            let written = argv.withUnsafeMutableBufferPointer { argvPointer in
                lengths.withUnsafeBufferPointer { lengthPointer in
                    redisFormatCommandArgv(&target, Int32(arguments.count), argvPointer.baseAddress, lengthPointer.baseAddress)
                }
            }
            guard written > 0, let target else {
                fatalError("hiredis could not format a command (out of memory)")
            }
            defer { redisFreeCommand(target) }
            target.withMemoryRebound(to: UInt8.self, capacity: Int(written)) {
                _ = buffer.writeBytes(UnsafeBufferPointer(start: $0, count: Int(written)))
            }
        }
    }
}
