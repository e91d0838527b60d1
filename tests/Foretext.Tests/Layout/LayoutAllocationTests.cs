// Layout must allocate nothing: it runs on every resize. Measured with the thread's allocation counter over
// every corpus (Avalonia's UnicodeEnumeratorAllocationTests use the same counter).

using Foretext.Layout;

namespace Foretext.Tests.Layout;

public class LayoutAllocationTests
{
    private struct CountingVisitor : ILineRangeVisitor
    {
        public int Lines;

        public void OnLine(in LayoutLineRange line) => Lines++;
    }

    [Fact]
    public void LayoutWalkAndStatsAllocateNothingOnTheCorpora()
    {
        var engine = new TextLayoutEngine(FakeTextMeasurer.Instance);
        var prepared = SharedData.Corpora().Select(c => engine.Prepare(c.Text, "20px Test")).ToList();
        prepared.Add(engine.Prepare(string.Join(" ", SharedData.AppStrings()), "16px Test"));

        void Run()
        {
            foreach (PreparedText p in prepared)
            {
                for (int width = 0; width <= 900; width += 150)
                {
                    TextLayout.Layout(p, width, 20);
                    TextLayout.MeasureLineStats(p, width);
                    var visitor = new CountingVisitor();
                    TextLayout.WalkLineRanges(p, width, ref visitor);
                    TextLayout.TryLayoutNextLineRange(p, LayoutCursor.Start, width, out _);
                }
            }
        }

        Run(); // JIT and tiering
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
