package io.github.assumeguard.load.hcl;

import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each character of a string value was written: segments of the value mapped onto source
 * ranges, exactly (character by character) or as a whole (an escape sequence, an interpolated value).
 * JSON embedded in a template or a file read with {@code file()} is located through it.
 */
final class Origin {

  /** Characters {@code [from, to)} of the value come from {@code [srcStart, srcEnd)} of {@code source}. */
  record Segment(int from, int to, HclSource source, int srcStart, int srcEnd, boolean exact) {
  }

  private final List<Segment> segments;

  Origin(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  static Origin exact(HclSource source, int srcStart, int length) {
    return new Origin(List.of(new Segment(0, length, source, srcStart, srcStart + length, true)));
  }

  static Origin whole(HclSource source, int srcStart, int srcEnd, int length) {
    return new Origin(List.of(new Segment(0, length, source, srcStart, srcEnd, false)));
  }

  List<Segment> segments() {
    return segments;
  }

  /** The source range of value characters {@code [from, to)}, or {@code fallback} when not mapped. */
  Location locate(int from, int to, Location fallback) {
    Segment first = find(from);
    Segment last = find(Math.max(from, to - 1));
    if (first == null || last == null || first.source != last.source) {
      return first != null ? range(first, from, first, from + 1) : fallback;
    }
    return range(first, from, last, Math.max(from, to - 1) + 1);
  }

  private static Location range(Segment first, int from, Segment last, int endExclusive) {
    int start = first.exact ? first.srcStart + (from - first.from) : first.srcStart;
    int end = last.exact ? last.srcStart + (endExclusive - last.from) : last.srcEnd;
    return first.source.location(start, Math.max(start, end));
  }

  private Segment find(int index) {
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Segment s = segments.get(mid);
      if (index < s.from) {
        hi = mid - 1;
      } else if (index >= s.to) {
        lo = mid + 1;
      } else {
        return s;
      }
    }
    return null;
  }
}
