"""Generic background paragraphs used to bring short wire items up to a realistic length.

They deliberately contain no casualty figures, no place names and no group names, so
they never change what the gold file says about an article.
"""

SECURITY = [
    "Officials said the investigation was being conducted with the help of the Counter-Terrorism Department, and that the forensic team had collected samples from the site. They said statements of eyewitnesses were being recorded and that the findings would be shared with the provincial government.",
    "Residents of the area told reporters that they had been living in fear for months and that the presence of the police and security forces on the roads had done little to reassure them. Many said they now avoided travelling after sunset.",
    "Opposition leaders in the provincial assembly criticised the government over what they called its failure to protect citizens and demanded a debate on the law and order situation in the next session of the house.",
    "A security analyst said militants had adapted their tactics in recent years, relying on small teams, roadside devices and attacks on soft targets. He argued that better intelligence sharing between federal and provincial agencies was the only way to stay ahead of them.",
    "The interior ministry spokesman said the federal government was in close contact with the provincial authorities and had offered every possible assistance, including additional platoons of the civil armed forces.",
    "Human rights activists condemned the violence and urged all sides to respect the lives of civilians. They also called on the authorities to ensure that the families of victims received compensation promptly and without red tape.",
    "Local elders said they had repeatedly informed the district administration about suspicious movement in the area. They demanded that the community be taken into confidence and that local youth be recruited into the police.",
    "Police officials said security at government buildings, bus terminals and markets had been reviewed after the incident, and that snap checking would continue on the main roads for the next several days.",
    "The president and the prime minister, in separate statements, condemned the incident and expressed their sympathies with the bereaved families. They said the nation stood united against those who wanted to spread chaos.",
    "Journalists covering the incident said they were not allowed to approach the site for several hours, and that officials were initially reluctant to share details. Information began to emerge only after hospital staff spoke to reporters.",
    "Shopkeepers in the nearby bazaar pulled down their shutters soon after the news spread, and traffic on the main road thinned out by the evening. Mosque loudspeakers announced funeral timings late into the night.",
    "A spokesperson for the provincial government said the cabinet would discuss the situation in its next meeting and that a comprehensive plan to improve the capacity of the police was already under consideration.",
    "The district administration said it had set up a help desk at the hospital to assist the families of the victims and to coordinate the distribution of relief cheques once the formalities were completed.",
    "Security experts pointed out that the long and porous border, difficult terrain and weak policing in remote areas continued to give militants room to operate, despite repeated operations over the past decade.",
]

GENERAL = [
    "Observers said the announcement was a step in the right direction but that its success would depend on implementation, which has often been the weakest link in government policy.",
    "Members of civil society who attended the event said such initiatives needed to be sustained over the long term and should involve women and young people at every stage.",
    "Officials said a detailed report would be presented to the cabinet next month, after which the government would decide on the next steps and the funds required.",
    "Several participants said that the media also had an important role to play in promoting tolerance and in reporting responsibly on sensitive issues.",
    "The event was attended by a large number of people, including representatives of business, academia and the diplomatic community, who welcomed the government's commitment.",
    "Critics said similar promises had been made in the past without much effect, and called for greater transparency in the use of public funds and regular progress reports.",
    "Officials said they would consult all stakeholders, including the business community and the provincial governments, before finalising the plan.",
    "The organisers thanked the participants and said the recommendations would be shared with the relevant government departments and published online.",
]


def pad(paragraphs, seed, relevant, minimum=210):
    """Insert context paragraphs before the final paragraph until ``minimum`` words are reached."""
    pool = SECURITY if relevant else GENERAL
    out = list(paragraphs)
    k = 0
    while sum(len(p.split()) for p in out) < minimum and k < len(pool):
        out.insert(len(out) - 1, pool[(seed + k * 5) % len(pool)])
        k += 1
    return out
