using System.Buffers.Binary;
using System.Text;

namespace CircuitClient;

/// <summary>
/// What the page would show, kept as a browser's renderer keeps its DOM: the render batches the server sends (the binary
/// format of Blazor's RenderBatchWriter) are applied to a light tree of elements, texts and component containers, so
/// that the client can find an element (by its id or its text), read its event handler ids and see a text change.
/// The layout of a batch: the updated components (per component, its edits, 16 bytes each), the reference frames
/// (20 bytes each), the disposed component ids and event handler ids, the string table; the last five int32 give where
/// each part starts. Logical children are counted as the browser counts them: a region's children stand in its place,
/// a child component and a markup block are one child each, reference captures are none.
/// </summary>
internal sealed class RenderTree
{
    private readonly Dictionary<int, ComponentNode> components = [];

    public IEnumerable<ComponentNode> Roots => components.Values.Where(c => c.Parent is null);

    private ComponentNode Component(int id)
    {
        if (!components.TryGetValue(id, out var node))
        {
            node = new ComponentNode(id);
            components[id] = node;
        }
        return node;
    }

    public void Apply(byte[] data)
    {
        var batch = new Batch(data);
        var end = data.Length;
        var updated = batch.I32(end - 20);
        var frames = batch.I32(end - 16) + 4;
        var disposed = batch.I32(end - 12);
        var count = batch.I32(updated);
        for (var i = 0; i < count; i++)
        {
            var diff = batch.I32(updated + 4 + (4 * i));
            var componentId = batch.I32(diff);
            var edits = batch.I32(diff + 4);
            ApplyEdits(batch, componentId, diff + 8, edits, frames);
        }
        var disposedCount = batch.I32(disposed);
        for (var i = 0; i < disposedCount; i++)
        {
            var id = batch.I32(disposed + 4 + (4 * i));
            if (components.Remove(id, out var node) && node.Parent is { } parent)
            {
                // Normally already taken away by its parent's edit.
                parent.Children.Remove(node);
                node.Parent = null;
            }
        }
    }

    private void ApplyEdits(Batch batch, int componentId, int editsAt, int count, int frames)
    {
        Container parent = Component(componentId);
        List<(int From, int To)>? permutation = null;
        for (var i = 0; i < count; i++)
        {
            var edit = editsAt + (16 * i);
            var type = batch.I32(edit);
            var sibling = batch.I32(edit + 4);
            var reference = batch.I32(edit + 8);
            switch (type)
            {
                case 1: // prepend frame
                    InsertFrame(batch, componentId, parent, sibling, frames, reference);
                    break;
                case 2: // remove frame
                    {
                        var node = parent.Children[sibling];
                        parent.Children.RemoveAt(sibling);
                        node.Parent = null;
                        break;
                    }
                case 3: // set attribute
                    ((ElementNode)parent.Children[sibling]).SetAttribute(batch, frames + (20 * reference));
                    break;
                case 4: // remove attribute
                    ((ElementNode)parent.Children[sibling]).RemoveAttribute(batch.String(batch.I32(edit + 12)));
                    break;
                case 5: // update text
                    ((TextNode)parent.Children[sibling]).Content = batch.String(batch.I32(frames + (20 * reference) + 4));
                    break;
                case 6: // step in
                    parent = (Container)parent.Children[sibling];
                    break;
                case 7: // step out
                    parent = parent.Parent!;
                    break;
                case 8: // update markup
                    {
                        var old = parent.Children[sibling];
                        old.Parent = null;
                        parent.Children[sibling] = new MarkupNode(batch.String(batch.I32(frames + (20 * reference) + 4))) { Parent = parent };
                        break;
                    }
                case 9: // permutation list entry
                    (permutation ??= []).Add((sibling, reference));
                    break;
                case 10: // permutation list end
                    {
                        var before = parent.Children.ToArray();
                        foreach (var (from, to) in permutation!)
                        {
                            parent.Children[to] = before[from];
                        }
                        permutation = null;
                        break;
                    }
                default:
                    throw new InvalidDataException($"unknown edit type {type}");
            }
        }
    }

    /// <summary>Inserts the frame (and its subtree) at the index; returns how many logical children it made.</summary>
    private int InsertFrame(Batch batch, int componentId, Container parent, int index, int frames, int frameIndex)
    {
        var frame = frames + (20 * frameIndex);
        switch (batch.I32(frame))
        {
            case 1: // element
                {
                    var element = new ElementNode(batch.String(batch.I32(frame + 8)) ?? "", componentId);
                    var endExcl = frameIndex + batch.I32(frame + 4);
                    var child = frameIndex + 1;
                    for (; child < endExcl && batch.I32(frames + (20 * child)) == 3; child++)
                    {
                        element.SetAttribute(batch, frames + (20 * child));
                    }
                    InsertFrameRange(batch, componentId, element, 0, frames, child, endExcl);
                    parent.Insert(index, element);
                    return 1;
                }
            case 2: // text
                parent.Insert(index, new TextNode(batch.String(batch.I32(frame + 4))));
                return 1;
            case 4: // component
                {
                    var child = Component(batch.I32(frame + 8));
                    child.Parent?.Children.Remove(child);
                    parent.Insert(index, child);
                    return 1;
                }
            case 5: // region: its children in its place
                return InsertFrameRange(batch, componentId, parent, index, frames, frameIndex + 1, frameIndex + batch.I32(frame + 4));
            case 8: // markup
                parent.Insert(index, new MarkupNode(batch.String(batch.I32(frame + 4))));
                return 1;
            case 6: // element reference capture: no node, but the element's id for JS (an ElementReference)
                if (parent is ElementNode captured)
                {
                    captured.CaptureId = batch.String(batch.I32(frame + 4));
                }
                return 0;
            default: // attribute (only leading an element), reference captures, named events: no node
                return 0;
        }
    }

    private int InsertFrameRange(Batch batch, int componentId, Container parent, int index, int frames, int start, int endExcl)
    {
        var first = index;
        for (var i = start; i < endExcl; i++)
        {
            var frame = frames + (20 * i);
            index += InsertFrame(batch, componentId, parent, index, frames, i);
            var type = batch.I32(frame);
            if (type is 1 or 4 or 5)
            {
                i += batch.I32(frame + 4) - 1; // its descendants are done
            }
        }
        return index - first;
    }

    /// <summary>The first element, depth first, that the test accepts.</summary>
    public ElementNode? Find(Func<ElementNode, bool> test)
    {
        foreach (var root in Roots)
        {
            if (Find(root, test) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    public static ElementNode? Find(Container container, Func<ElementNode, bool> test)
    {
        foreach (var child in container.Children)
        {
            if (child is ElementNode element && test(element))
            {
                return element;
            }
            if (child is Container inner && Find(inner, test) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>Whether the node is still on the page: its ancestors lead to a live root component.</summary>
    public bool IsAttached(Node node)
    {
        var at = node;
        while (at.Parent is not null)
        {
            at = at.Parent;
        }
        return at is ComponentNode root && components.TryGetValue(root.Id, out var live) && ReferenceEquals(live, root);
    }

    /// <summary>The texts of a batch: reads little-endian ints and the string table.</summary>
    internal readonly struct Batch(byte[] data)
    {
        private readonly int strings = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 4));

        public int I32(int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));

        public ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at));

        public string? String(int index)
        {
            if (index < 0)
            {
                return null;
            }
            var at = I32(strings + (4 * index));
            // The length in bytes, 7 bits at a time (LEB128), then UTF-8.
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return Encoding.UTF8.GetString(data, at, length);
        }
    }

    internal abstract class Node
    {
        public Container? Parent { get; set; }

        public abstract void AppendText(StringBuilder into);

        public string Text()
        {
            var builder = new StringBuilder();
            AppendText(builder);
            return builder.ToString();
        }
    }

    internal sealed class TextNode(string? text) : Node
    {
        public string? Content { get; set; } = text;

        public override void AppendText(StringBuilder into) => into.Append(Content);
    }

    internal sealed class MarkupNode(string? markup) : Node
    {
        public string? Markup { get; } = markup;

        public override void AppendText(StringBuilder into) => into.Append(Markup);
    }

    internal abstract class Container : Node
    {
        public List<Node> Children { get; } = [];

        public void Insert(int index, Node node)
        {
            node.Parent = this;
            Children.Insert(Math.Min(index, Children.Count), node);
        }

        public override void AppendText(StringBuilder into)
        {
            foreach (var child in Children)
            {
                child.AppendText(into);
            }
        }
    }

    internal sealed class ComponentNode(int id) : Container
    {
        public int Id { get; } = id;
    }

    internal sealed class ElementNode(string tag, int componentId) : Container
    {
        private readonly List<(string Name, string? Value, ulong Handler)> attributes = [];

        public string Tag { get; } = tag;

        /// <summary>The element's id in JS calls that take it (an ElementReference's "__internalId"), if captured.</summary>
        public string? CaptureId { get; set; }

        /// <summary>The component that rendered the element (the event's field information names it).</summary>
        public int ComponentId { get; } = componentId;

        public string? Attribute(string name) => attributes.Find(a => a.Name == name).Value;

        /// <summary>The handler id of an event ("input", "focusout", …) bound on the element; 0 if none.</summary>
        public ulong Handler(string eventName) => attributes.Find(a => a.Handler != 0 && a.Name.Length == eventName.Length + 2 && a.Name.EndsWith(eventName, StringComparison.Ordinal)).Handler;

        public void SetAttribute(Batch batch, int frame)
        {
            var name = batch.String(batch.I32(frame + 4)) ?? "";
            var value = batch.String(batch.I32(frame + 8));
            var handler = batch.U64(frame + 12);
            RemoveAttribute(name);
            attributes.Add((name, value, handler));
        }

        public void RemoveAttribute(string? name) => attributes.RemoveAll(a => a.Name == name);
    }
}
