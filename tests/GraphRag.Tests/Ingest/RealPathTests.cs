using GraphRag.Ingest;

namespace GraphRag.Tests.Ingest;

/// <summary>Real paths as the kernel resolves them (expected values worked out by `realpath` semantics, POSIX.1-2017).</summary>
public sealed class RealPathTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Links_along_the_path_are_resolved_relative_to_the_folder_that_holds_them()
    {
        var target = Directory.CreateDirectory(_dir.File("target")).FullName;
        Directory.CreateDirectory(_dir.File("links"));
        Directory.CreateSymbolicLink(_dir.File("links/relative"), "../target");
        Directory.CreateSymbolicLink(_dir.File("links/absolute"), target);

        Assert.Equal(Path.Combine(target, "note.md"), RealPath.Of(_dir.File("links/relative/note.md")));
        Assert.Equal(Path.Combine(target, "note.md"), RealPath.Of(_dir.File("links/absolute/./note.md")));
    }

    [Fact]
    public void Dot_dot_after_a_link_leaves_the_links_target_not_the_folder_holding_it()
    {
        var deep = Directory.CreateDirectory(_dir.File("elsewhere/deep")).FullName;
        Directory.CreateDirectory(_dir.File("root"));
        Directory.CreateSymbolicLink(_dir.File("root/link"), deep);

        // Lexically "root/link/../secret" is "root/secret"; the kernel opens "elsewhere/secret".
        Assert.Equal(_dir.File("elsewhere/secret"), RealPath.Of(_dir.File("root/link/../secret")));
    }

    [Fact]
    public void A_link_loop_is_an_io_error_naming_the_path()
    {
        Directory.CreateSymbolicLink(_dir.File("a"), _dir.File("b"));
        Directory.CreateSymbolicLink(_dir.File("b"), _dir.File("a"));
        var error = Assert.Throws<IOException>(() => RealPath.Of(_dir.File("a/note.md")));
        Assert.Equal($"{_dir.File("a/note.md")}: too many levels of symbolic links (a loop).", error.Message);
    }

    [Fact]
    public void Parts_that_do_not_exist_are_kept_as_written()
    {
        Assert.Equal(_dir.File("not/there/yet.md"), RealPath.Of(_dir.File("not//there/./yet.md")));
    }

    [Theory]
    [InlineData("/notes", "/notes", true)]
    [InlineData("/notes/a/b.md", "/notes", true)]
    [InlineData("/notes/a", "/notes/", true)]
    [InlineData("/notes-old/a.md", "/notes", false)]
    [InlineData("/note", "/notes", false)]
    [InlineData("/etc/passwd", "/", true)]
    public void Within_means_the_folder_itself_or_below_it_never_a_sibling_sharing_a_prefix(string path, string folder, bool within)
    {
        Assert.Equal(within, RealPath.IsWithin(path, folder));
    }
}
