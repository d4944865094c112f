module "ci" {
  source      = "./modules/ci-role"
  github_repo = "acme/app"
}
