package io.github.assumeguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.load.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated inputs, seeded so every run checks the same cases: random well-formed policies never
 * make a rule fail and give the same findings whatever the key order and layout; broken variants
 * of every sample give findings or input errors, never an exception.
 */
class RobustnessTest {

  private static final long SEED = 20261129L;
  private static final int POLICIES = 300;

  private static final String[] PRINCIPAL_TYPES = {"AWS", "Service", "Federated", "CanonicalUser", "Aws"};
  private static final String[] PRINCIPALS = {"*", "arn:aws:iam::444455556666:root", "111122223333",
      "arn:aws:iam::210987654321:role/deploy", "arn:aws-cn:iam::123456789012:root", "ec2.amazonaws.com",
      "cloudtrail.amazonaws.com", "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
      "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABCDEF",
      "arn:aws:iam::111122223333:saml-provider/okta", "cognito-identity.amazonaws.com", "arn:aws:iam::*:root",
      "12345", "", "arn:aws:iam::111122223333:oidc-provider/gitlab.com"};
  private static final String[] ACTIONS = {"sts:AssumeRole", "sts:AssumeRoleWithWebIdentity",
      "sts:AssumeRoleWithSAML", "sts:TagSession", "sts:*", "*", "s3:GetObject", "sts:Assume*"};
  private static final String[] OPERATORS = {"StringEquals", "StringLike", "StringEqualsIfExists",
      "ForAllValues:StringEquals", "ForAnyValue:StringLike", "Bool", "BoolIfExists", "ArnLike", "StringEqual",
      "Null", "StringNotEquals", "ArnEquals"};
  private static final String[] KEYS = {"sts:ExternalId", "aws:PrincipalOrgID", "aws:SourceAccount",
      "aws:SourceArn", "aws:MultiFactorAuthPresent", "token.actions.githubusercontent.com:sub",
      "token.actions.githubusercontent.com:aud", "SAML:aud", "aws:SourceAcount", "gitlab.com:sub",
      "aws:PrincipalArn", "aws:PrincipalTag/team"};
  private static final String[] VALUES = {"*", "o-abc123", "repo:acme/app:ref:refs/heads/main", "repo:acme*",
      "sts.amazonaws.com", "true", "false", "444455556666", "Unique-External-Id-1", "ab", "system:serviceaccount:*",
      "arn:aws:iam::*:role/x", "https://signin.aws.amazon.com/saml"};

  @TempDir
  Path dir;

  private final Analyzer analyzer = new Analyzer(BuiltInRules.all(), Config.defaults(), Limits.defaults());

  /** One generated statement as an ordered list of members (so layouts can be varied). */
  private record Member(String key, String json) {
  }

  private static List<List<Member>> generate(Random random) {
    List<List<Member>> statements = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      List<Member> st = new ArrayList<>();
      st.add(new Member("Effect", quote(random.nextInt(5) == 0 ? "Deny" : "Allow")));
      if (random.nextInt(8) == 0) {
        st.add(new Member("Principal", quote("*")));
      } else {
        StringBuilder p = new StringBuilder("{");
        String type = pick(random, PRINCIPAL_TYPES);
        p.append(quote(type)).append(": ").append(list(random, PRINCIPALS, 1 + random.nextInt(2))).append('}');
        st.add(new Member(random.nextInt(10) == 0 ? "NotPrincipal" : "Principal", p.toString()));
      }
      st.add(new Member(random.nextInt(10) == 0 ? "NotAction" : "Action", list(random, ACTIONS, 1 + random.nextInt(2))));
      if (random.nextBoolean()) {
        StringBuilder c = new StringBuilder("{");
        int ops = 1 + random.nextInt(2);
        for (int o = 0; o < ops; o++) {
          if (o > 0) {
            c.append(", ");
          }
          c.append(quote(pick(random, OPERATORS))).append(": {")
              .append(quote(pick(random, KEYS))).append(": ").append(list(random, VALUES, 1 + random.nextInt(2)))
              .append('}');
        }
        // an operator drawn twice is a duplicate key: AG001 in both layouts alike
        st.add(new Member("Condition", c.append('}').toString()));
      }
      statements.add(st);
    }
    return statements;
  }

  private static String pick(Random random, String[] pool) {
    return pool[random.nextInt(pool.length)];
  }

  private static String list(Random random, String[] pool, int n) {
    if (n == 1 && random.nextBoolean()) {
      return quote(pick(random, pool));
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(quote(pick(random, pool)));
    }
    return "[" + String.join(", ", items) + "]";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String render(List<List<Member>> statements, boolean shuffled, boolean compact, Random random) {
    String nl = compact ? "" : "\n";
    String in = compact ? "" : "    ";
    List<String> parts = new ArrayList<>();
    for (List<Member> st : statements) {
      List<Member> members = new ArrayList<>(st);
      if (shuffled) {
        Collections.shuffle(members, random);
      }
      List<String> fields = members.stream().map(m -> in + in + quote(m.key()) + (compact ? ":" : ": ") + m.json()).toList();
      parts.add(in + "{" + nl + String.join("," + nl, fields) + nl + in + "}");
    }
    String version = quote("Version") + (compact ? ":" : ": ") + quote("2012-10-17");
    String statement = quote("Statement") + (compact ? ":[" : ": [") + nl + String.join("," + nl, parts) + nl + "]";
    List<String> top = new ArrayList<>(List.of(version, statement));
    if (shuffled) {
      Collections.reverse(top);
    }
    return "{" + nl + String.join("," + nl, top) + nl + "}" + nl;
  }

  /** Findings without positions: what must not depend on layout. */
  private static List<String> essence(Report report) {
    return report.findings().stream()
        .map(f -> f.ruleId() + " " + f.location().pointer() + " " + f.message())
        .sorted().toList();
  }

  private Report scan(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return analyzer.analyse(List.of(new Analyzer.Input(file, name, true)), List.of());
  }

  @TestFactory
  Stream<DynamicTest> generatedPoliciesNeverBreakARuleAndIgnoreLayout() {
    Random random = new Random(SEED);
    List<List<List<Member>>> policies = IntStream.range(0, POLICIES).mapToObj(i -> generate(random)).toList();
    return IntStream.range(0, POLICIES).mapToObj(i -> DynamicTest.dynamicTest("policy " + i, () -> {
      Random layout = new Random(SEED + i);
      String pretty = render(policies.get(i), false, false, layout);
      String compact = render(policies.get(i), true, true, layout);
      Report a = scan("p" + i + ".json", pretty);
      Report b = scan("q" + i + ".json", compact);
      assertThat(a.notifications()).as(pretty).isEmpty();
      assertThat(b.notifications()).as(compact).isEmpty();
      assertThat(a.errors()).as(pretty).isEmpty();
      assertThat(b.errors()).as(compact).isEmpty();
      assertThat(essence(b)).as("same findings in another layout and key order:\n%s\n%s", pretty, compact)
          .isEqualTo(essence(a));
      for (Finding f : a.findings()) {
        assertThat(f.location().line()).isPositive();
        assertThat(f.location().column()).isPositive();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> brokenSamplesGiveFindingsOrInputErrorsNeverExceptions() throws IOException {
    Random random = new Random(SEED);
    return SamplesTest.samples().stream().map(sample -> DynamicTest.dynamicTest(
        SamplesTest.SAMPLES.relativize(sample).toString(), () -> {
          byte[] bytes = Files.readAllBytes(sample);
          for (int m = 0; m < 6; m++) {
            byte[] mutated = mutate(bytes, random, m);
            String name = "m" + m + "-" + sample.getFileName();
            Path file = dir.resolve(name);
            Files.write(file, mutated);
            Report r = analyzer.analyse(List.of(new Analyzer.Input(file, name, true)), List.of());
            assertThat(r.notifications()).as("rule failures on %s mutation %d", sample, m).isEmpty();
            assertThat(r.errors()).extracting(InputError::message)
                .as("unexpected exception on %s mutation %d", sample, m)
                .noneMatch(msg -> msg.startsWith("cannot analyse file"));
            for (InputError e : r.errors()) {
              assertThat(e.location().line()).isPositive();
            }
          }
        }));
  }

  private static byte[] mutate(byte[] original, Random random, int kind) {
    if (original.length == 0) {
      return original;
    }
    byte[] b = original.clone();
    switch (kind) {
      case 0: // truncate
        return java.util.Arrays.copyOf(b, random.nextInt(b.length));
      case 1: // flip some bytes
        for (int i = 0; i < 3; i++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      case 2: // delete a bracket
        return deleteOne(b, random, "{}[]");
      case 3: // delete a quote
        return deleteOne(b, random, "\"");
      case 4: // duplicate a random slice
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(40));
        byte[] out = new byte[b.length + (to - from)];
        System.arraycopy(b, 0, out, 0, to);
        System.arraycopy(b, from, out, to, b.length - from);
        return out;
      default: // a random byte in the middle
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        return b;
    }
  }

  private static byte[] deleteOne(byte[] b, Random random, String chars) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < b.length; i++) {
      if (chars.indexOf(b[i]) >= 0) {
        at.add(i);
      }
    }
    if (at.isEmpty()) {
      return b;
    }
    int i = at.get(random.nextInt(at.size()));
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, i);
    System.arraycopy(b, i + 1, out, i, b.length - i - 1);
    return out;
  }
}
