resource "aws_iam_role" "ag002_bad" {
  name = "ag002-bad"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::11112222333:role/deployer" }
    }]
  })
}
