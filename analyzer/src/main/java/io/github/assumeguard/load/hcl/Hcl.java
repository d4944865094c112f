package io.github.assumeguard.load.hcl;

import io.github.assumeguard.model.Location;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The syntax tree of an HCL file: bodies, attributes, blocks and expressions, each with its source range. */
final class Hcl {

  private Hcl() {
  }

  /** A source range: offsets into a file's text, start inclusive, end exclusive. */
  record Src(HclSource file, int start, int end) {

    Location location() {
      return file.location(start, end);
    }

    String text() {
      return file.text(start, end);
    }
  }

  /** A parsed file: its body and its comments. */
  record File(HclSource source, Body body, List<Comment> comments) {
  }

  /** A comment as written, with its range. */
  record Comment(String text, Src src) {
  }

  /** Attributes and blocks in source order. */
  record Body(List<Attribute> attributes, List<Block> blocks) {

    Body {
      attributes = List.copyOf(attributes);
      blocks = List.copyOf(blocks);
    }

    Optional<Attribute> attribute(String name) {
      for (Attribute a : attributes) {
        if (a.name().equals(name)) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }

    List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
  }

  /** {@code name = value}. */
  record Attribute(String name, Expr value, Src src, Src nameSrc) {
  }

  /** {@code type "label" ... { body }}. */
  record Block(String type, List<String> labels, Body body, Src src, Src typeSrc) {

    Block {
      labels = List.copyOf(labels);
    }

    String label(int i) {
      return i < labels.size() ? labels.get(i) : "";
    }
  }

  /** An expression. */
  sealed interface Expr permits NumberLit, BoolLit, NullLit, Template, TupleExpr, ObjectExpr, Call, Var,
      GetAttr, Index, Splat, ForExpr, Unary, Binary, Conditional, Parens {
    Src src();
  }

  record NumberLit(Src src, BigDecimal value) implements Expr {
  }

  record BoolLit(Src src, boolean value) implements Expr {
  }

  record NullLit(Src src) implements Expr {
  }

  /** A quoted template or a heredoc: literal parts, interpolations and directives. */
  record Template(Src src, List<Part> parts, boolean heredoc) implements Expr {

    Template {
      parts = List.copyOf(parts);
    }
  }

  /** A part of a template. */
  sealed interface Part permits Literal, Interpolation, IfDirective, ForDirective {
  }

  /** Literal template text as written: plain, a quoted-string chunk with backslash escapes, or {@code $${}/{@code %%{}. */
  record Literal(Src src, LiteralKind kind) implements Part {
  }

  enum LiteralKind {
    PLAIN, QUOTED, ESCAPED_MARKER
  }

  record Interpolation(Expr expr, Src src) implements Part {
  }

  record IfDirective(Expr condition, List<Part> then, List<Part> otherwise, Src src) implements Part {
  }

  record ForDirective(Optional<String> keyName, String valueName, Expr collection, List<Part> body, Src src)
      implements Part {
  }

  record TupleExpr(Src src, List<Expr> items) implements Expr {

    TupleExpr {
      items = List.copyOf(items);
    }
  }

  /** An object constructor; a key written as a bare name is that name, not a variable. */
  record ObjectExpr(Src src, List<ObjectItem> items) implements Expr {

    ObjectExpr {
      items = List.copyOf(items);
    }
  }

  record ObjectItem(Optional<String> bareKey, Expr key, Expr value) {
  }

  record Call(Src src, String name, List<Expr> args, boolean expandLast) implements Expr {

    Call {
      args = List.copyOf(args);
    }
  }

  /** A root name: {@code var}, {@code local}, a resource type, a for-expression symbol. */
  record Var(Src src, String name) implements Expr {
  }

  record GetAttr(Src src, Expr target, String name) implements Expr {
  }

  record Index(Src src, Expr target, Expr key) implements Expr {
  }

  /** {@code x[*]} or {@code x.*}, with whatever follows applied to each element. */
  record Splat(Src src, Expr target) implements Expr {
  }

  /** {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}. */
  record ForExpr(Src src, Optional<String> keyName, String valueName, Expr collection, Optional<Expr> keyExpr,
      Expr valueExpr, boolean grouping, Optional<Expr> condition) implements Expr {
  }

  record Unary(Src src, String op, Expr operand) implements Expr {
  }

  record Binary(Src src, String op, Expr left, Expr right) implements Expr {
  }

  record Conditional(Src src, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
  }

  record Parens(Src src, Expr inner) implements Expr {
  }
}
