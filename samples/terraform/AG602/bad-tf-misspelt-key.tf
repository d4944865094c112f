resource "aws_iam_role" "ag602_bad" {
  name = "ag602-bad"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringEquals = { "aws:PrincipalOrgId2" = "o-a1b2c3d4e5" } }
    }]
  })
}
