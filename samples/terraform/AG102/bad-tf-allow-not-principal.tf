resource "aws_iam_role" "ag102_bad" {
  name = "ag102-bad"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect       = "Allow"
      Action       = "sts:AssumeRole"
      NotPrincipal = { AWS = "arn:aws:iam::111122223333:role/intruder" }
    }]
  })
}
