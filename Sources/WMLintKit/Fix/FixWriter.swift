#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls ``FixWriter`` makes to write a file, replaceable in tests to inject failures (a full disk).
struct FileWriteOperations: Sendable {
    /// `write(2)`: bytes written, or -1 with `errno` set.
    var write: @Sendable (_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int
    /// `fsync(2)`: 0, or -1 with `errno` set.
    var sync: @Sendable (_ descriptor: Int32) -> Int32
    /// `rename(2)`: 0, or -1 with `errno` set.
    var rename: @Sendable (_ from: String, _ to: String) -> Int32

    /// The real system calls.
    static let system = FileWriteOperations(
        write: { descriptor, buffer, count in
            #if canImport(Glibc)
                Glibc.write(descriptor, buffer, count)
            #else
                Darwin.write(descriptor, buffer, count)
            #endif
        },
        sync: { fsync($0) },
        rename: { from, to in
            #if canImport(Glibc)
                Glibc.rename(from, to)
            #else
                Darwin.rename(from, to)
            #endif
        })
}

/// Writes fixed files in place, atomically (a temporary file, then a rename; the file mode is kept).
///
/// A file is written to a temporary file in its own directory, flushed to disk with `fsync`, given the
/// original's mode (and owner, when the process may set it), then renamed over the original: a reader sees the
/// old bytes or the new ones, never a mix, and on any failure (a read-only file or directory, a full disk, an
/// I/O error) the temporary file is removed, the original is left as it was and the failure is thrown as a
/// ``WMLintError`` (exit 2).
///
/// A file without any write permission bit (`chmod a-w`), or in a directory without one, is refused even
/// when the process could write it anyway (running as root): a read-only mark says the file is not to be
/// changed, and rename would otherwise replace it silently.
///
/// Symbolic links are followed: the link's target is written and the link is kept. Renaming over the link's
/// own path would replace the link with a regular file, cutting it off from the file it shares and that was
/// actually read and linted. (Inputs reached through a link leading out of the project are never read, so they
/// are never fixed either.) Hard links are not kept: the rename gives the path a new inode, as every atomic
/// writer does.
public struct FixWriter: Sendable {
    let operations: FileWriteOperations

    public init() {
        self.operations = .system
    }

    init(operations: FileWriteOperations) {
        self.operations = operations
    }

    /// Writes every changed file of `plan`, each atomically, checking first that it still holds the bytes the
    /// plan was made from.
    ///
    /// Files that can be written are written even when another fails; the failures are then thrown together,
    /// one line each.
    public func write(_ plan: FixPlan) throws(WMLintError) {
        var failures: [String] = []
        for file in plan.files where file.isChanged {
            do {
                try write(file.fixed, to: file.path, expecting: file.original)
            } catch {
                failures.append(error.message)
            }
        }
        if !failures.isEmpty { throw .writeFailed(failures.joined(separator: "\n")) }
    }

    /// Writes `bytes` to `path` atomically; with `expecting`, refuses when the file no longer holds those bytes
    /// (it changed since it was read).
    public func write(_ bytes: [UInt8], to path: String, expecting: [UInt8]? = nil) throws(WMLintError) {
        func failure(_ reason: String) -> WMLintError {
            .writeFailed("cannot write '\(path)': \(reason)")
        }
        guard let target = FileSystem.realPath(path) else { throw failure(errorText()) }
        var info = stat()
        guard stat(target, &info) == 0 else { throw failure(errorText()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw failure("not a regular file") }
        guard info.st_mode & 0o222 != 0 else { throw failure("the file is read-only") }
        let directory = Path.directory(of: target)
        var directoryInfo = stat()
        guard stat(directory, &directoryInfo) == 0 else { throw failure(errorText()) }
        guard directoryInfo.st_mode & 0o222 != 0 else { throw failure("its directory is read-only") }
        if let expecting {
            guard case .success(let current) = FileSystem.read(target, maxSize: Int.max), current == expecting else {
                throw failure("the file changed since it was read")
            }
        }

        var template = Array(Path.join(directory, ".\(Path.basename(target)).wmlint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw failure(errorText()) }
        let temporary = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        var isOpen = true
        defer {
            if isOpen { close(descriptor) }
        }
        func abandon(_ reason: String) -> WMLintError {
            if isOpen {
                close(descriptor)
                isOpen = false
            }
            unlink(temporary)
            return failure(reason)
        }

        if let reason = writeAll(bytes, to: descriptor) { throw abandon(reason) }
        // The owner first: changing it may clear set-user-ID bits, which the mode then restores. Only a
        // privileged process may give the file away; otherwise the new file keeps the writer's owner.
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw abandon(errorText()) }
        guard operations.sync(descriptor) == 0 else { throw abandon(errorText()) }
        let closed = close(descriptor)
        isOpen = false
        guard closed == 0 else { throw abandon(errorText()) }
        guard operations.rename(temporary, target) == 0 else { throw abandon(errorText()) }
        syncDirectory(directory)
    }

    /// Writes every byte, retrying short writes and interruptions; the failure's text, or `nil`.
    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var written = 0
            while written < buffer.count {
                let count = operations.write(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errorText()
                }
                if count == 0 { return "nothing could be written" }
                written += count
            }
            return nil
        }
    }

    /// Flushes the directory entry of the rename (best effort: some file systems refuse `fsync` on a directory).
    private func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private func errorText() -> String {
        String(cString: strerror(errno))
    }
}
