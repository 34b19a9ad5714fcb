global using GraphRag.Tests;
