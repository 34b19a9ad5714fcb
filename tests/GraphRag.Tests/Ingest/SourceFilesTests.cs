using GraphRag.Ingest;

namespace GraphRag.Tests.Ingest;

/// <summary>What a batch will read: real folders, files and links in a temp directory.</summary>
public sealed class SourceFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Note(string relative)
    {
        var path = _dir.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "# Note\n\nText.\n");
        return path;
    }

    [Fact]
    public void Folders_are_walked_in_name_order_without_hidden_parts_or_other_file_types()
    {
        var a = Note("notes/a.md");
        var b = Note("notes/sub/b.txt");
        Note("notes/.git/c.md");
        Note("notes/.draft.md");
        Note("notes/picture.png");

        var selection = SourceFiles.Expand([_dir.File("notes")]);

        Assert.Equal([a, b], selection.Files);
        Assert.Empty(selection.Skipped);
        Assert.Equal(new FileInfo(a).Length + new FileInfo(b).Length, selection.Bytes);
    }

    [Fact]
    public void A_link_loop_and_two_ways_to_one_file_yield_each_file_once()
    {
        var a = Note("notes/a.md");
        Directory.CreateSymbolicLink(_dir.File("notes/loop"), _dir.File("notes"));
        File.CreateSymbolicLink(_dir.File("notes/alias.md"), a);

        var selection = SourceFiles.Expand([_dir.File("notes"), a]);

        // a.md sorts before alias.md ('.' < 'l') and stands for the file; reached again by the link or by name, it is not read twice.
        Assert.Equal([a], selection.Files);
        Assert.Empty(selection.Skipped);
    }

    [Fact]
    public void A_missing_path_and_a_link_to_nowhere_are_named_with_their_reasons_and_the_rest_goes_in()
    {
        var a = Note("notes/a.md");
        File.CreateSymbolicLink(_dir.File("notes/gone.md"), _dir.File("deleted.md"));

        var selection = SourceFiles.Expand([_dir.File("notes"), _dir.File("nowhere")]);

        Assert.Equal([a], selection.Files);
        Assert.Equal(
            [new SkippedPath(_dir.File("notes/gone.md"), "a symbolic link to a file that does not exist"), new SkippedPath(_dir.File("nowhere"), "no such file or directory")],
            selection.Skipped);
    }

    [Fact]
    public void A_refused_real_path_is_skipped_with_the_reason_given()
    {
        var inside = Note("notes/a.md");
        var outside = Note("private/secret.md");
        File.CreateSymbolicLink(_dir.File("notes/secret.md"), outside);
        var notes = _dir.File("notes");

        var selection = SourceFiles.Expand([notes], refuse: real => RealPath.IsWithin(real, notes) ? null : "outside the notes");

        Assert.Equal([inside], selection.Files);
        Assert.Equal([new SkippedPath(_dir.File("notes/secret.md"), "outside the notes")], selection.Skipped);
    }

    [Fact]
    public void More_files_than_the_limit_are_refused_before_the_walk_goes_on()
    {
        for (var i = 0; i < 5; i++)
            Note($"notes/n{i}.md");
        var error = Assert.Throws<IngestionException>(() => SourceFiles.Expand([_dir.File("notes")], new SourceLimits(MaxFiles: 3, MaxBytes: long.MaxValue)));
        Assert.Equal($"{_dir.File("notes/n3.md")}: the paths given hold more than 3 note files, the limit for one batch; ingest a smaller folder", error.Message);
    }
}
