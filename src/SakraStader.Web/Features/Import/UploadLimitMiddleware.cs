using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace SakraStader.Features.Import;

/// <summary>
/// Lets the import form take a file up to <see cref="ImportHandler.MaxBytes"/> (Kestrel's own limit, 30 000 000 bytes,
/// is below 30 MB with the form around it) and turns a larger upload into the import page with a Swedish message,
/// instead of the English 400 that the antiforgery check gave when it could not read the cut-off form. Runs before
/// <c>UseAntiforgery</c>, and reads the form itself, so that what it read is what the page gets.
/// </summary>
public sealed partial class UploadLimitMiddleware(RequestDelegate next)
{
    /// <summary>The file's limit and room for the form's other fields and the multipart boundaries.</summary>
    public const long MaxRequestBytes = ImportHandler.MaxBytes + 1024 * 1024;

    /// <summary>The query value that makes the import page say the file was too large.</summary>
    public const string TooLarge = "storlek";

    [GeneratedRegex("^/(?<slug>[a-z0-9-]+)/import/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImportPath();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || ImportPath().Match(context.Request.Path.Value ?? "") is not { Success: true } match)
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }
        var back = $"/{match.Groups["slug"].Value}/import?fel={TooLarge}";
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            Refuse(context, back);
            return;
        }
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }, context.RequestAborted);
            }
            catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                Refuse(context, back);
                return;
            }
        }
        await next(context);
    }

    private static void Refuse(HttpContext context, string location)
    {
        // The rest of the body is not read; Kestrel closes the connection after this answer if it must.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        context.Response.Headers.Connection = "close";
    }
}
