// placeholder until Markdown lands
