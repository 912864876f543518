using System.Security.Cryptography;
using System.Text;

namespace SakraStader.Components.Ui;

/// <summary>
/// A short fingerprint of what a form edits, as it was when the form was rendered. The form posts it back (as
/// <c>Base</c>); if the fingerprint of the stored values differs, someone else saved in between and the save is refused
/// instead of overwriting their change. Used where the whole entity's concurrency token would be too coarse.
/// </summary>
public static class FormBase
{
    public static string Of(params string?[] values) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0001", values))))[..16];
}
