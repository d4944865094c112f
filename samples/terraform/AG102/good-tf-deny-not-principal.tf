resource "aws_iam_role" "ag102_good" {
  name = "ag102-good"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:role/deployer" }
    },
    {
      Effect       = "Deny"
      Action       = "sts:AssumeRole"
      NotPrincipal = { AWS = "arn:aws:iam::111122223333:role/deployer" }
    }]
  })
}
