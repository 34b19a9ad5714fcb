using System.IO.MemoryMappedFiles;

namespace GraphRag.Generation.IO;

/// <summary>A whole file mapped read-only into memory; <see cref="Pointer"/> is valid until Dispose.</summary>
public sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _mapping;
    private readonly MemoryMappedViewAccessor _view;

    private MappedFile(MemoryMappedFile mapping, MemoryMappedViewAccessor view, byte* pointer, long length)
    {
        _mapping = mapping;
        _view = view;
        Pointer = pointer;
        Length = length;
    }

    public byte* Pointer { get; }

    public long Length { get; }

    /// <summary>Maps <paramref name="path"/>; <paramref name="what"/> names the kind of file in the not-found error.</summary>
    public static MappedFile Open(string path, string what)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: {what} not found.", path);
        var length = new FileInfo(path).Length;
        if (length == 0)
            throw new InvalidDataException($"{path}: the file is empty.");
        var mapping = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(mapping, view, pointer + view.PointerOffset, length);
        }
        catch
        {
            mapping.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _mapping.Dispose();
    }
}
