ln -s does-not-exist.yaml models.yaml
