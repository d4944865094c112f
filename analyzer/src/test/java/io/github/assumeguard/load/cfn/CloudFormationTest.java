package io.github.assumeguard.load.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.Effect;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.InlineSuppression;
import io.github.assumeguard.model.OidcProvider;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Workspace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudFormationTest {

  private final Loader loader = new Loader(Limits.defaults());

  private Workspace load(String text) {
    return loader.loadText(text, "t.yaml").orElseThrow();
  }

  private static Role role(Workspace ws, String id) {
    return ws.roles().stream().filter(r -> r.ref().map(ResourceRef::id).orElse("").equals(id)).findFirst()
        .orElseThrow();
  }

  private static Statement firstTrustStatement(Workspace ws) {
    return ws.roles().get(0).trust().orElseThrow().statements().get(0);
  }

  /** A one-role YAML template whose trust statement's AWS principal is {@code value}. */
  private static String awsPrincipal(String value) {
    return """
        Parameters:
          Other: {Type: String}
        Mappings:
          Accounts:
            prod: {tooling: "111122223333"}
        Resources:
          Provider:
            Type: AWS::IAM::OIDCProvider
            Properties: {Url: https://token.actions.githubusercontent.com}
          R:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: %s
                    Action: sts:AssumeRole
        """.formatted(value);
  }

  private Text awsValue(String value) {
    List<Principal> principals = firstTrustStatement(load(awsPrincipal(value))).principals();
    assertThat(principals).hasSize(1);
    return principals.get(0).value();
  }

  @Test
  void yamlRoleElementsCarryTheirPositionsAndTheResource() {
    Workspace ws = load("""
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          DeployRole:
            Type: AWS::IAM::Role
            Metadata:
              aws:cdk:path: Stack/DeployRole/Resource
            Properties:
              RoleName: deploy
              MaxSessionDuration: 7200
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: arn:aws:iam::444455556666:root
                    Action: sts:AssumeRole
                    Condition:
                      StringEquals:
                        sts:ExternalId: Unique-Id-1
        """);
    assertThat(ws.roles()).hasSize(1);
    Role role = ws.roles().get(0);
    assertThat(role.ref()).contains(new ResourceRef("DeployRole", "AWS::IAM::Role",
        Optional.of("Stack/DeployRole/Resource")));
    assertThat(role.name()).contains("deploy");
    assertThat(role.ownAccount()).contains(Arn.OWN_ACCOUNT);
    assertThat(role.maxSessionDuration().orElseThrow().known()).contains("7200");
    assertThat(role.maxSessionDuration().get().location().line()).isEqualTo(9);
    PolicyDocument trust = role.trust().orElseThrow();
    assertThat(trust.kind()).isEqualTo(PolicyDocument.Kind.TRUST);
    assertThat(trust.owner()).isEqualTo(role.ref());
    assertThat(trust.problems()).isEmpty();
    Statement s = trust.statements().get(0);
    Principal p = s.principals().get(0);
    assertThat(p.account()).contains("444455556666");
    assertThat(p.location().line()).isEqualTo(15);
    assertThat(p.location().column()).isEqualTo(20);
    assertThat(p.location().pointer())
        .isEqualTo("/Resources/DeployRole/Properties/AssumeRolePolicyDocument/Statement/0/Principal/AWS");
    assertThat(s.actions().get(0).location().line()).isEqualTo(16);
    Condition c = s.conditions().get(0);
    assertThat(c.key().location().line()).isEqualTo(19);
    assertThat(c.knownValues()).containsExactly("Unique-Id-1");
  }

  @Test
  void jsonTemplateElementsCarryTheirPositions() {
    Workspace ws = loader.loadText("""
        {
          "Resources": {
            "Reader": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]
                }
              }
            }
          }
        }
        """, "t.json").orElseThrow();
    Role role = ws.roles().get(0);
    assertThat(role.name()).contains("Reader");
    Principal p = firstTrustStatement(ws).principals().get(0);
    assertThat(p.type()).isEqualTo(PrincipalType.SERVICE);
    assertThat(p.location().line()).isEqualTo(8);
    assertThat(p.location().column()).isEqualTo(70);
  }

  @Test
  void pseudoParametersAreTheTemplatesOwnSymbols() {
    Text root = awsValue("!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
    assertThat(root.known()).contains("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
    Principal p = Principal.of(PrincipalType.AWS, root);
    assertThat(p.account()).contains(Arn.OWN_ACCOUNT);
    assertThat(p.isAccountRoot()).isTrue();
    assertThat(p.arn().orElseThrow().partition()).isEqualTo(Arn.OWN_PARTITION);
    assertThat(awsValue("!Ref AWS::AccountId").known()).contains(Arn.OWN_ACCOUNT);
    assertThat(awsValue("{Ref: AWS::Partition}").known()).contains(Arn.OWN_PARTITION);
    assertThat(awsValue("!Sub 'x-${AWS::Region}'").known()).contains("x-" + Arn.OWN_REGION);
    assertThat(awsValue("!Ref AWS::StackName").isKnown()).isFalse();
    assertThat(awsValue("!Ref AWS::URLSuffix").isKnown()).isFalse();
  }

  @Test
  void subAndJoinOverKnownPartsAreEvaluated() {
    assertThat(awsValue("!Sub ['arn:${P}:iam::${A}:role/${N}', {P: aws, A: '111122223333', N: !Ref AWS::Region}]")
        .known()).contains("arn:aws:iam::111122223333:role/" + Arn.OWN_REGION);
    assertThat(awsValue("{'Fn::Sub': 'literal ${!NotAVariable} stays'}").known())
        .contains("literal ${NotAVariable} stays");
    assertThat(awsValue("!Join ['', ['arn:', !Ref AWS::Partition, ':iam::', {Ref: AWS::AccountId}, ':root']]")
        .known()).contains("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
    assertThat(awsValue("{'Fn::Join': [':', [a, 1, true]]}").known()).contains("a:1:true");
    assertThat(awsValue("!Select [1, !Split [',', 'a,b,c']]").known()).contains("b");
    assertThat(awsValue("{'Fn::Select': ['0', {'Fn::Split': ['/', 'x/y']}]}").known()).contains("x");
    assertThat(awsValue("!FindInMap [Accounts, prod, tooling]").known()).contains("111122223333");
    assertThat(awsValue("!Select [5, [a, b]]").isKnown()).isFalse();
    assertThat(awsValue("!FindInMap [Accounts, !Ref AWS::Region, tooling]").isKnown()).isFalse();
    assertThat(awsValue("!Join ['', ['arn:', !Ref Other]]").isKnown()).isFalse();
    assertThat(awsValue("!Sub 'arn:aws:iam::${Other}:root'").isKnown()).isFalse();
    assertThat(awsValue("!Sub 'arn:aws:iam::${Unknown.Attr}:root'").isKnown()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"!Ref Other", "!ImportValue shared-account", "!If [Cond, a, b]", "!GetAtt R.Arn",
      "!Base64 abc", "!Cidr [10.0.0.0/16, 2, 8]", "!GetAZs ''", "!Equals [a, a]", "!Not [!Equals [a, b]]",
      "!And [!Condition C1, !Condition C2]", "!Or [!Condition C1, !Condition C2]", "!Condition C1",
      "{Ref: Other}", "{'Fn::ImportValue': shared}", "{'Fn::If': [C, a, b]}", "{'Fn::GetAtt': [R, Arn]}",
      "{'Fn::Base64': abc}", "{'Fn::Cidr': [10.0.0.0/16, 2, 8]}", "{'Fn::GetAZs': ''}",
      "{'Fn::Equals': [a, a]}", "{'Fn::Not': [{'Fn::Equals': [a, b]}]}", "{'Fn::And': [a, b]}",
      "{'Fn::Or': [a, b]}", "{'Fn::Transform': {Name: AWS::Include}}"})
  void everyOtherFunctionIsAnUnknownValueInShortAndLongForm(String value) {
    Text principal = awsValue(value);
    assertThat(principal.isKnown()).as(value).isFalse();
    assertThat(principal.location().line()).isEqualTo(18);
    PolicyDocument trust = load(awsPrincipal(value)).roles().get(0).trust().orElseThrow();
    assertThat(trust.problems()).as("an unknown value is no grammar problem: " + value).isEmpty();
  }

  @Test
  void oidcProviderInTheTemplateResolvesByRefGetAttAndSub() {
    String template = """
        Resources:
          GitHub:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: https://token.actions.githubusercontent.com
          Eks:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: !Sub https://oidc.eks.${AWS::Region}.amazonaws.com/id/ABCDEF0123456789
          Loop:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: !Sub https://${Loop.Arn}
          R:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated:
                        - !Ref GitHub
                        - !GetAtt GitHub.Arn
                        - {"Fn::GetAtt": [Eks, Arn]}
                        - !Sub "${GitHub.Arn}"
                        - !Ref Loop
                    Action: sts:AssumeRoleWithWebIdentity
        """;
    List<Principal> principals = firstTrustStatement(load(template)).principals();
    String github = "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com";
    assertThat(principals).extracting(p -> p.value().display()).startsWith(github, github,
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.${AWS::Region}.amazonaws.com/id/ABCDEF0123456789",
        github);
    assertThat(principals.get(0).oidcProvider().orElseThrow().kind()).isEqualTo(OidcProvider.Kind.GITHUB);
    assertThat(principals.get(2).oidcProvider().orElseThrow().kind()).isEqualTo(OidcProvider.Kind.EKS);
    assertThat(principals.get(4).value().isKnown()).as("a provider whose Url refers to itself").isFalse();
  }

  @Test
  void parametersAreUnknownEvenWithADefault() {
    Workspace ws = load("""
        Parameters:
          OrgId: {Type: String, Default: o-a1b2c3d4e5}
          Seconds: {Type: Number, Default: 43200}
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              MaxSessionDuration: !Ref Seconds
              RoleName: !Sub "${OrgId}-reader"
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "*"}
                    Action: sts:AssumeRole
                    Condition:
                      StringEquals:
                        aws:PrincipalOrgID: !Ref OrgId
        """);
    Role role = ws.roles().get(0);
    assertThat(role.maxSessionDuration().orElseThrow().isKnown()).isFalse();
    assertThat(role.name()).contains("R");
    Condition c = firstTrustStatement(ws).conditions().get(0);
    assertThat(c.hasUnknownValue()).isTrue();
  }

  @Test
  void anIfInAPrincipalListLeavesTheLiteralPartsKnown() {
    Statement s = firstTrustStatement(load(awsPrincipal(
        "[\"*\", !If [HasPartner, !Ref Other, !Ref AWS::NoValue], !Ref AWS::NoValue]")));
    assertThat(s.principals()).hasSize(2);
    assertThat(s.principals().get(0).isEveryone()).isTrue();
    assertThat(s.principals().get(1).value().isKnown()).isFalse();
  }

  @Test
  void statementsWhoseStructureIsUnknownAreLeftOutWithoutGrammarProblems() {
    Workspace ws = load("""
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "*"}
                    Action: sts:AssumeRole
                    Condition: !If [Strict, {StringEquals: {aws:PrincipalOrgID: o-1}}, !Ref AWS::NoValue]
                  - Effect: Allow
                    Principal: {AWS: "*"}
                    Action: sts:AssumeRole
                    Condition:
                      StringEquals: !If [Strict, {aws:PrincipalOrgID: o-1}, {aws:PrincipalOrgID: o-2}]
                  - Effect: !If [Open, Allow, Deny]
                    Principal: "*"
                    Action: sts:AssumeRole
                  - Effect: Allow
                    Principal: !If [Open, "*", {Service: ec2.amazonaws.com}]
                    Action: sts:AssumeRole
                  - !If [Open, {Effect: Allow, Principal: "*", Action: "*"}, !Ref AWS::NoValue]
                  - Effect: Allow
                    Principal: {Service: ec2.amazonaws.com}
                    Action: sts:AssumeRole
        """);
    PolicyDocument trust = ws.roles().get(0).trust().orElseThrow();
    assertThat(trust.problems()).isEmpty();
    assertThat(trust.statements()).hasSize(1);
    assertThat(trust.statements().get(0).index()).isEqualTo(5);
    assertThat(trust.statements().get(0).principals().get(0).type()).isEqualTo(PrincipalType.SERVICE);
  }

  @Test
  void aDocumentThatIsUnknownAsAWholeIsLeftOut() {
    Workspace ws = load("""
        Resources:
          A:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: !If [C, {Statement: []}, {Statement: []}]
          B:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: !FindInMap [Docs, trust, statements]
          C:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: !Sub '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "${Other}"}}]}'
        """);
    assertThat(ws.roles()).hasSize(3).allSatisfy(r -> assertThat(r.trust()).isEmpty());
  }

  @Test
  void documentsGivenAsJsonStringsAreParsedOnTheStringsLocation() {
    Workspace ws = load("""
        Resources:
          A:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: |
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
          B:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: !Sub '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${AWS::AccountId}:root"}, "Action": "sts:AssumeRole"}]}'
          C:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: '{"Statement": ['
          D:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: |
                {"Statement": [{"Effect": "Allow", // who
                 "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        """);
    Principal a = role(ws, "A").trust().orElseThrow().statements().get(0).principals().get(0);
    assertThat(a.isEveryone()).isTrue();
    assertThat(a.location().line()).isEqualTo(5);
    assertThat(a.location().column()).isEqualTo(33);
    assertThat(a.location().pointer())
        .isEqualTo("/Resources/A/Properties/AssumeRolePolicyDocument/Statement/0/Principal/AWS");
    Principal b = role(ws, "B").trust().orElseThrow().statements().get(0).principals().get(0);
    assertThat(b.account()).contains(Arn.OWN_ACCOUNT);
    PolicyDocument c = role(ws, "C").trust().orElseThrow();
    assertThat(c.statements()).isEmpty();
    assertThat(c.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("policy document string is not valid JSON"))
        .satisfies(p -> assertThat(p.location().line()).isEqualTo(15));
    PolicyDocument d = role(ws, "D").trust().orElseThrow();
    assertThat(d.statements()).hasSize(1);
    assertThat(d.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("comments are not allowed"))
        .satisfies(p -> assertThat(p.location().line()).isEqualTo(19));
  }

  @Test
  void policiesOfRolesUsersGroupsAndPolicyResources() {
    Workspace ws = load("""
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
              Policies:
                - PolicyName: inline
                  PolicyDocument: {Statement: [{Effect: Allow, Action: sts:AssumeRole, Resource: "*"}]}
                - !If [C, {PolicyName: x, PolicyDocument: {}}, !Ref AWS::NoValue]
          U:
            Type: AWS::IAM::User
            Properties:
              Policies:
                - PolicyName: user-inline
                  PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
          G:
            Type: AWS::IAM::Group
            Properties:
              Policies:
                - PolicyName: group-inline
                  PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: stand-alone
              PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
          M:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
        """);
    Role role = ws.roles().get(0);
    assertThat(role.policies()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(PolicyDocument.Kind.IDENTITY);
      assertThat(d.owner()).isEqualTo(role.ref());
    });
    assertThat(ws.policies()).extracting(p -> p.ref().orElseThrow().id() + " " + p.ref().get().type() + " "
        + p.name().orElse("-")).containsExactly("U AWS::IAM::User user-inline", "G AWS::IAM::Group group-inline",
        "P AWS::IAM::Policy stand-alone", "M AWS::IAM::ManagedPolicy M");
    assertThat(ws.policies()).extracting(IdentityPolicy::document)
        .allSatisfy(d -> assertThat(d.kind()).isEqualTo(PolicyDocument.Kind.IDENTITY));
  }

  @Test
  void serverlessFunctionsAndStateMachinesGetTheirImplicitRole() {
    Workspace ws = load("""
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            AssumeRolePolicyDocument:
              Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - AWSLambdaBasicExecutionRole
                - SQSPollerPolicy: {QueueName: q}
                - Statement: [{Effect: Allow, Action: sts:AssumeRole, Resource: "*"}]
                - !Ref SharedPolicy
          Own:
            Type: AWS::Serverless::Function
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: edgelambda.amazonaws.com}, Action: sts:AssumeRole}]
              Policies: AmazonS3ReadOnlyAccess
          Given:
            Type: AWS::Serverless::Function
            Properties:
              Role: !GetAtt SomeRole.Arn
              Policies: {Statement: [{Effect: Allow, Action: sts:AssumeRole, Resource: "*"}]}
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Policies: {Statement: [{Effect: Allow, Action: sts:AssumeRole, Resource: "*"}]}
        """);
    assertThat(ws.roles()).extracting(r -> r.name().orElseThrow()).containsExactly("FnRole", "OwnRole", "FlowRole");
    Role fn = role(ws, "Fn");
    assertThat(fn.trust().orElseThrow().statements().get(0).principals().get(0).value().display())
        .isEqualTo("lambda.amazonaws.com");
    assertThat(fn.policies()).hasSize(1);
    assertThat(fn.ref().orElseThrow().type()).isEqualTo("AWS::Serverless::Function");
    assertThat(role(ws, "Own").trust().orElseThrow().statements().get(0).principals().get(0).value().display())
        .isEqualTo("edgelambda.amazonaws.com");
    assertThat(role(ws, "Own").policies()).isEmpty();
    Role flow = role(ws, "Flow");
    assertThat(flow.trust()).isEmpty();
    assertThat(flow.policies()).singleElement()
        .satisfies(d -> assertThat(d.statements().get(0).effect()).isEqualTo(Effect.ALLOW));
  }

  @Test
  void metadataSuppressionsWithAndWithoutReason() {
    Workspace ws = load("""
        Resources:
          R:
            Type: AWS::IAM::Role
            Metadata:
              assumeguard:
                suppress:
                  - rule: AG105
                    reason: reviewed (SEC-1)
                  - rule: AG501
                  - {reason: no rule, so nothing to apply}
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
        """);
    List<InlineSuppression> s = ws.suppressions();
    assertThat(s).hasSize(2);
    assertThat(s.get(0).rule()).isEqualTo("AG105");
    assertThat(s.get(0).hasReason()).isTrue();
    assertThat(s.get(0).resource().orElseThrow().id()).isEqualTo("R");
    assertThat(s.get(0).range()).isEmpty();
    assertThat(s.get(0).location().line()).isEqualTo(7);
    assertThat(s.get(1).rule()).isEqualTo("AG501");
    assertThat(s.get(1).hasReason()).isFalse();
    assertThat(s.get(1).location().line()).isEqualTo(9);
  }

  @Test
  void yamlAliasesStandForTheirAnchoredNode() {
    Workspace ws = load("""
        Resources:
          A:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: &trust
                Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: sts:AssumeRole}]
          B:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: *trust
        """);
    Principal b = role(ws, "B").trust().orElseThrow().statements().get(0).principals().get(0);
    assertThat(b.isEveryone()).isTrue();
    assertThat(b.location().line()).isEqualTo(6);
  }

  @Test
  void anchoredScalarsAreAliasedToo() {
    Workspace ws = load("""
        Resources:
          A:
            Type: AWS::IAM::Role
            Properties:
              RoleName: &name reader
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: !Sub &root "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"
                    Action: sts:AssumeRole
          B:
            Type: AWS::IAM::Role
            Properties:
              Description: *name
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: [*root, &other '210987654321', *other]}
                    Action: sts:AssumeRole
        """);
    List<Principal> b = role(ws, "B").trust().orElseThrow().statements().get(0).principals();
    assertThat(b).extracting(p -> p.value().display()).containsExactly(
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:root", "210987654321", "210987654321");
    assertThat(b.get(0).location().line()).isEqualTo(10);
  }

  @Test
  void aliasBombsAndUndefinedAliasesAreInputErrors() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
          .append(i - 1).append("]\n");
    }
    bomb.append("Resources: {R: {Type: AWS::IAM::Role}}\n");
    assertThatThrownBy(() -> load(bomb.toString())).isInstanceOf(InputException.class)
        .hasMessageContaining("more than 50 YAML aliases")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isBetween(2, 7));
    assertThatThrownBy(() -> load("Resources: {R: {Type: AWS::IAM::Role, Properties: *missing}}\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("alias *missing refers to no anchor");
    assertThatThrownBy(() -> load("Resources: &r {R: {Type: AWS::IAM::Role, Properties: *r}}\n"))
        .as("an alias inside its own anchor").isInstanceOf(InputException.class);
  }

  @Test
  void deepNestingIsAnInputError() {
    String deep = "AWSTemplateFormatVersion: '2010-09-09'\nResources: " + "[".repeat(600) + "]".repeat(600) + "\n";
    assertThatThrownBy(() -> load(deep)).isInstanceOf(InputException.class).hasMessageContaining("depth");
  }

  @Test
  void yamlTagsOutsideCloudFormationConstructNothing() {
    Workspace ws = load("""
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              RoleName: !!python/object/apply:os.system ["touch /tmp/assumeguard-pwned"]
              Description: !!str 12
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !CustomTag "*"}
                    Action: sts:AssumeRole
        """);
    assertThat(ws.roles().get(0).name()).contains("R");
    assertThat(firstTrustStatement(ws).principals().get(0).isEveryone()).isTrue();
  }

  @Test
  void sizeLimitsApplyToYaml() {
    Limits small = new Limits(200, 500, 20_000_000, 1000, 50);
    String big = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {R: {Type: AWS::IAM::Role, Properties: {"
        + "Description: '" + "x".repeat(400) + "'}}}\n";
    assertThatThrownBy(() -> new Loader(small).loadText(big, "big.yaml")).isInstanceOf(InputException.class)
        .hasMessage("Document length (509) exceeds the maximum allowed (200)");
  }

  @Test
  void otherYamlIsNotOursAndBrokenTemplatesAreReported() {
    assertThat(loader.loadText("apiVersion: v1\nkind: ConfigMap\n", "k.yaml")).isEmpty();
    assertThat(loader.loadText("a: 1\n---\nb: 2\n", "multi.yaml")).isEmpty();
    assertThat(loader.loadText("name: {{ .Values.name }}\n", "helm.yaml")).isEmpty();
    assertThat(loader.loadText("Resources:\n  X:\n    Type: Custom::Thing\n", "c.yaml")).isEmpty();
    assertThatThrownBy(() -> loader.loadText("""
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          R:
        \tType: AWS::IAM::Role
        """, "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("invalid YAML")
        .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(4));
  }

  @Test
  void duplicateKeysInATemplatePolicyAreProblemsNotParseErrors() {
    Workspace ws = load("""
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Effect: Deny
                    Principal: {Service: ec2.amazonaws.com}
                    Action: sts:AssumeRole
        """);
    PolicyDocument trust = ws.roles().get(0).trust().orElseThrow();
    assertThat(trust.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("duplicate key \"Effect\""))
        .satisfies(p -> assertThat(p.location().line()).isEqualTo(7));
  }

  @Test
  void recognisesTemplatesByTheirResourceTypes() {
    assertThat(loader.loadText("{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}", "t.json"))
        .hasValueSatisfying(ws -> assertThat(ws.roles()).isEmpty());
    assertThat(loader.loadText("{\"Resources\": {\"B\": {\"Type\": \"Custom::X\"}}}", "t.json")).isEmpty();
    assertThat(CloudFormation.looksLikeTemplate("Resources:\n  X:\n    Type: AWS::IAM::Role\n")).isTrue();
    assertThat(CloudFormation.looksLikeTemplate("kind: Deployment\n")).isFalse();
  }
}
