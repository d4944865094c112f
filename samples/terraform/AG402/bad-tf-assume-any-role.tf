resource "aws_iam_policy" "ag402_bad" {
  name = "deployer-assume"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy" "ag402_bad_user" {
  name = "assume-anything"
  user = "build-bot"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:*"], Resource = ["*"] }]
  })
}
