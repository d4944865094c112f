data "aws_caller_identity" "current" {}

resource "aws_iam_policy" "ag402_good" {
  name = "deployer-assume"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/deploy-*"
    }]
  })
}
